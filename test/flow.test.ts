import type { ContentNode } from '../src/content/tree';
import { fetchedPage, html, nodeById, pageCases, pathOf, tree, verdictText } from './helpers';
import { generatedPath } from './visits';

async function page(path: string) {
  const { status, $ } = await fetchedPage(path);
  return { status, $ };
}

const hrefs = ($: ReturnType<typeof html>, selector: string) =>
  $(selector)
    .map((_, a) => $(a).attr('href'))
    .get();

/** The questions answered on the way to a node, first asked first. */
function answeredOnTheWay(node: ContentNode): { question: ContentNode; answer: ContentNode }[] {
  return node.previous
    ? [...answeredOnTheWay(node.previous), { question: node.previous, answer: node }]
    : [];
}

const questions = pageCases.filter(({ node }) => node.options.length > 0);
const answers = pageCases.filter(({ node }) => node.verdict);

describe('the wizard has questions and verdicts to test', () => {
  it('asks questions in tasks and in the profile finder, and gives verdicts', () => {
    expect(questions.some(({ node }) => node.kind === 'task')).toBe(true);
    expect(questions.some(({ node }) => node.kind === 'page')).toBe(true);
    expect(answers.filter(({ node }) => node.kind === 'outcome').length).toBeGreaterThan(0);
  });
});

describe.each(questions)('the question on $name', ({ node, language, path }) => {
  it('is the h1, and offers each option as a link that leads to a page', async () => {
    const { $ } = await page(path);
    const text = node.text[language.code];
    expect($('h1').text()).toBe(text?.question);
    const options = $('main ul.options a');
    expect(options).toHaveLength(node.options.length);
    expect(node.options.length).toBeGreaterThanOrEqual(2);
    node.options.forEach((next, index) => {
      const option = options.eq(index);
      expect(option.attr('href')).toBe(pathOf(next, language));
      expect(option.find('.option__label').text()).toBe(text?.answers[next.id]);
    });
    for (const next of node.options) {
      expect((await page(pathOf(next, language))).status).toBe(200);
    }
  });
});

describe.each(answers)('the answer on $name', ({ node, language, path }) => {
  let $: ReturnType<typeof html>;
  const task = node.task ?? node;
  const profile = task.profile as ContentNode;
  const topic = task.topic as ContentNode;

  beforeAll(async () => {
    ({ $ } = await page(path));
  });

  it('opens with its verdict, in words and with a mark that is not colour alone', () => {
    const verdict = $('main h1 + .verdict');
    expect(verdict).toHaveLength(1);
    expect(verdict.find('strong').text()).toBe(verdictText(node, language.code));
    expect(verdict.find('.mark[aria-hidden="true"]').text().trim()).toMatch(/^[✓✗?↻]$/);
    expect(verdict.attr('class')).toContain(`verdict--${node.verdict?.kind}`);
  });

  it('shows « Vos réponses »: the profile, the task and every answer, each with a Change link', () => {
    const way = answeredOnTheWay(node);
    const rows = $('.answers .summary__row');
    expect(rows).toHaveLength(2 + way.length);
    const expected = [
      { value: profile.text[language.code]?.title, change: pathOf(topic, language) },
      { value: task.text[language.code]?.title, change: pathOf(profile, language) },
      ...way.map(({ question, answer }) => ({
        value: question.text[language.code]?.answers[answer.id],
        change: pathOf(question, language),
      })),
    ];
    const hidden = new Set<string>();
    expected.forEach(({ value, change }, index) => {
      const row = rows.eq(index);
      expect(row.find('dd').first().text()).toBe(value);
      const link = row.find('.summary__change a');
      expect(link.attr('href')).toBe(change);
      hidden.add(link.find('.visually-hidden').text().trim());
    });
    // Each Change link says, for screen readers, what it changes.
    expect(hidden.size).toBe(expected.length);
    expect(hidden).not.toContain('');
  });

  it('keeps the task when the profile is changed: the topic page offers every profile that has it', async () => {
    const change = $('.answers .summary__row').first().find('a').attr('href') ?? '';
    const topicPage = await page(change);
    expect(topic.tasks.length).toBeGreaterThan(0);
    expect(hrefs(topicPage.$, 'main ul.options a')).toEqual(
      topic.tasks.map((other) => pathOf(other, language)),
    );
  });

  it('offers the same task for the other profiles', () => {
    const others = topic.tasks.filter((other) => other !== task);
    expect(hrefs($, 'nav.others a')).toEqual(others.map((other) => pathOf(other, language)));
    if (others.length === 0) expect($('nav.others')).toHaveLength(0);
  });
});

describe.each(tree.languages)('the profile finder in $code', (language) => {
  const finder = nodeById('finder');

  it('ends every path on a profile page, and can end on every profile', async () => {
    const ends = new Set<string>();
    const walk = async (path: string, depth: number): Promise<void> => {
      expect(depth).toBeLessThan(10);
      const { status, $ } = await page(path);
      expect(status).toBe(200);
      const options = hrefs($, 'main ul.options a');
      if (options.length === 0) {
        ends.add(path);
        return;
      }
      for (const next of options) await walk(next, depth + 1);
    };
    await walk(pathOf(finder, language), 0);
    expect([...ends].sort()).toEqual(tree.profiles.map((p) => pathOf(p, language)).sort());
  });

  it.each(['home', 'start', 'definitions'])('is offered on the %s page', async (id) => {
    const { $ } = await page(pathOf(nodeById(id), language));
    expect($(`main a[href="${pathOf(finder, language)}"]`).length).toBeGreaterThan(0);
  });
});

/**
 * Languages whose profiles carry the wizard's older names (French and Dutch, from the original
 * wizard) show today's name beside them; a language written after the renaming (German,
 * English) names the profiles as the official pages do today and has no older name to show.
 */
const withOlderNames = tree.languages.filter((language) =>
  tree.profiles.some((profile) => profile.text[language.code]?.currentName),
);

it("shows today's names in the languages of the original wizard", () => {
  expect(withOlderNames.length).toBeGreaterThan(0);
});

describe.each(withOlderNames)("today's names in $code", (language) => {
  const renamed = tree.profiles.filter((profile) => profile.text[language.code]?.currentName);

  it('stand beside the old ones on the profile chooser, the profile pages and the definitions', async () => {
    expect(renamed.length).toBeGreaterThan(0);
    const chooser = (await page(pathOf(nodeById('start'), language))).$;
    const definitions = (await page(pathOf(nodeById('definitions'), language))).$;
    for (const profile of renamed) {
      const name = profile.text[language.code]?.currentName ?? '';
      const choice = chooser(`main ul.choices a[href="${pathOf(profile, language)}"]`).parent();
      expect(choice.find('.choices__hint').text()).toContain(name);
      const own = (await page(pathOf(profile, language))).$;
      expect(own('main .names').text()).toContain(name);
      expect(definitions('main').text().toLowerCase()).toContain(name.toLowerCase());
    }
  });

  it('stand beside the old ones on every topic page that lists them', async () => {
    const listing = tree.topics.filter((topic) =>
      topic.tasks.some((task) => task.profile && renamed.includes(task.profile)),
    );
    expect(listing.length).toBeGreaterThan(0);
    for (const topic of listing) {
      const { $ } = await page(pathOf(topic, language));
      for (const task of topic.tasks.filter(
        (each) => each.profile && renamed.includes(each.profile),
      )) {
        const option = $(`main ul.options a[href="${pathOf(task, language)}"]`);
        expect(option.find('.option__hint').text()).toContain(
          task.profile?.text[language.code]?.currentName,
        );
      }
    }
  });

  it('stand beside the old ones in the profile finder', async () => {
    const options = tree.nodes.filter((node) => node.kind !== 'task' && node.options.length > 0);
    const hints: string[] = [];
    for (const question of options) {
      const { $ } = await page(pathOf(question, language));
      hints.push(
        ...$('main .option__hint')
          .map((_, hint) => $(hint).text())
          .get(),
      );
    }
    for (const profile of renamed) {
      expect(hints.join(' ')).toContain(profile.text[language.code]?.currentName);
    }
  });
});

describe.each(tree.languages)('the overview in $code', (language) => {
  /** The diagram's nodes: the profile chooser, profiles, tasks and what their questions lead to. */
  const expected = (() => {
    const nodes: ContentNode[] = [nodeById('start'), ...tree.profiles];
    for (const profile of tree.profiles) {
      const below = (node: ContentNode): ContentNode[] => [node, ...node.options.flatMap(below)];
      nodes.push(...profile.tasks.flatMap(below));
    }
    return nodes.map((node) => pathOf(node, language));
  })();

  it('draws every profile, task, question and outcome, each linked to its page', async () => {
    const { status, $ } = await page(generatedPath('overview', language.code));
    expect(status).toBe(200);
    expect(expected.length).toBeGreaterThan(tree.profiles.length);
    expect(hrefs($, 'svg a').sort()).toEqual([...expected].sort());
    expect($('svg rect.box')).toHaveLength(expected.length);
    expect($('svg .diagram__edges path')).toHaveLength(expected.length - 1);
  });

  it('lists the same graph as nested lists', async () => {
    const { $ } = await page(generatedPath('overview', language.code));
    expect(hrefs($, 'ul.tree a').sort()).toEqual([...expected].sort());
    // Nested as the flow is: each task's outcomes inside the task's item.
    for (const task of tree.nodes.filter((node) => node.kind === 'task')) {
      const item = $(`ul.tree a[href="${pathOf(task, language)}"]`).parent();
      expect(
        item
          .children('ul')
          .children('li')
          .children('a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      ).toEqual(task.options.map((next) => pathOf(next, language)));
    }
  });
});
