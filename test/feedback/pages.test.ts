import request from 'supertest';
import {
  fetchedPage,
  html,
  interfaceString,
  nodeById,
  pageCases,
  pathOf,
  testApp,
  tree,
} from '../helpers';
import { AS_IF_AT, htmlValidator } from '../html-validator';
import { generatedPath } from '../visits';

const matrixCases = tree.languages.map((language) => ({
  id: 'matrix',
  language,
  path: generatedPath('matrix', language.code),
}));
/** Every page that should carry the form: each content page and the who-can-do-what table. */
const withForm = [
  ...pageCases.map(({ node, language, path }) => ({ id: node.id, language, path })),
  ...matrixCases,
];

async function htmlPages(): Promise<string[]> {
  const { site } = await testApp();
  return [...site.pages.entries()]
    .filter(([, page]) => page.headers['content-type']?.startsWith('text/html'))
    .map(([urlPath]) => urlPath);
}

describe('the feedback form', () => {
  it.each(withForm)(
    'is on $language.code $id ($path), naming the page and its language',
    async ({ id, language, path: urlPath }) => {
      const { site } = await testApp();
      const { $ } = await fetchedPage(urlPath);
      const vote = $('main form.feedback-vote');
      expect(vote.attr('action')).toBe('/feedback');
      expect(vote.attr('method')).toBe('post');
      expect(vote.find('input[name="page"]').val()).toBe(id);
      expect(vote.find('input[name="lang"]').val()).toBe(language.code);
      expect(
        vote
          .find('button[name="useful"]')
          .map((_, b) => $(b).val())
          .get(),
      ).toEqual(['yes', 'no']);
      const report = $('main details.feedback-report');
      expect(report.find('summary').text()).toBe(interfaceString(language.code, 'feedback.report'));
      expect(report.find('form input[name="page"]').val()).toBe(id);
      expect(report.find('textarea[maxlength="500"]')).toHaveLength(2);
      expect(report.text()).toContain(interfaceString(language.code, 'feedback.notice'));
      expect($('input[name="website"]').closest('[hidden]')).toHaveLength(2);
      expect(site.feedback.findTarget(id, language.code)?.path).toBe(urlPath);
    },
  );

  it('is on no other page: not the language choice, search or error pages', async () => {
    const { app } = await testApp();
    const expected = new Set(withForm.map(({ path: urlPath }) => urlPath));
    const pages = await htmlPages();
    expect(pages.length).toBeGreaterThan(expected.size);
    const found = [];
    for (const urlPath of pages) {
      const { $ } = await fetchedPage(urlPath);
      if ($('form[action="/feedback"]').length > 0) found.push(urlPath);
    }
    expect(found.sort()).toEqual([...expected].sort());
    for (const other of ['/fr/recherche/?q=qualité', '/nl/zoeken/', '/fr/nope/', '/xx/']) {
      const $ = html((await request(app).get(other)).text);
      expect($('form[action="/feedback"]')).toHaveLength(0);
    }
  });

  it('names only pages the site has: ids come from what it rendered', async () => {
    const { site } = await testApp();
    expect(site.feedback.findTarget('search', 'fr')).toBeUndefined();
    expect(site.feedback.findTarget('home', 'xx')).toBeUndefined();
    expect(site.feedback.findTarget(nodeById('home').id, 'nl')?.path).toBe('/nl/');
  });
});

describe('the accessibility statement', () => {
  it.each(tree.languages)('is linked from every $code footer', async (language) => {
    const statement = pathOf(nodeById('accessibility'), language);
    const pages = (await htmlPages()).filter((urlPath) => urlPath.startsWith(`/${language.code}/`));
    expect(pages.length).toBeGreaterThan(tree.nodes.length);
    for (const urlPath of [...pages, `/${language.code}/no-such-page/`]) {
      const { $ } = await fetchedPage(urlPath);
      expect($(`footer a[href="${statement}"]`)).toHaveLength(1);
    }
  });

  it.each(tree.languages)(
    'follows the EU model in $code, and points to the feedback form and the contact page',
    async (language) => {
      const { app } = await testApp();
      const $ = html((await request(app).get(pathOf(nodeById('accessibility'), language))).text);
      // Compliance, how it is tested, known limits, preparation, feedback and contact, enforcement.
      expect($('main .prose h2')).toHaveLength(6);
      expect($(`main .prose a[href="${pathOf(nodeById('contact'), language)}"]`)).toHaveLength(1);
      expect($('main .prose').text()).toContain($('main summary.feedback-report__summary').text());
    },
  );
});

describe('the feedback pages', () => {
  const task = nodeById('rl-activate-quality');

  const cases = tree.languages.flatMap((language) => {
    const target = {
      id: task.id,
      language: language.code,
      path: pathOf(task, language),
      title: 'x',
    };
    return [
      {
        name: `${language.code} comment`,
        render: (site: Site) =>
          site.feedback.renderComment(site.feedback.findTarget(task.id, language.code) ?? target),
      },
      {
        name: `${language.code} comment after « no », with errors`,
        render: (site: Site) =>
          site.feedback.renderComment(
            site.feedback.findTarget(task.id, language.code) ?? target,
            { trying: '', wrong: 'x'.repeat(501), afterNo: true },
            [
              { field: 'wrong', problem: 'tooLong', length: 501 },
              { field: 'trying', problem: 'empty' },
            ],
          ),
      },
      {
        name: `${language.code} thanks`,
        render: (site: Site) =>
          site.feedback.renderThanks(site.feedback.findTarget(task.id, language.code) ?? target),
      },
      ...(['unavailable', 'limited', 'refused'] as const).map((problem) => ({
        name: `${language.code} ${problem}`,
        render: (site: Site) =>
          site.feedback.renderProblem(
            problem,
            site.feedback.findTarget(task.id, language.code) ?? target,
          ),
      })),
    ];
  });
  const anyLanguage = (['malformed', 'tooLarge'] as const).map((problem) => ({
    name: `${problem}, in every language`,
    render: (site: Site) => site.feedback.renderProblem(problem),
  }));

  it.each([...cases, ...anyLanguage])('are valid HTML: $name', async ({ render }) => {
    const { site } = await testApp();
    const page = render(site);
    const report = await htmlValidator.validateString(page, AS_IF_AT);
    expect(
      report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
    expect(html(page)('h1')).toHaveLength(1);
  });
});

type Site = Awaited<ReturnType<typeof testApp>>['site'];
