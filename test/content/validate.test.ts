import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ContentError, formatProblem, type ContentProblem } from '../../src/content/problems';
import { DEFAULT_PATHS, loadSiteContent, prepareSite } from '../../src/site/startup';
import { interfaceString, tree as realTree } from '../helpers';

/** A copy of the real content, broken in one way, so each test shows one mistake an author makes. */
function brokenCopy(
  breakIt: (edit: (file: string, change: (text: string) => string) => void) => void,
) {
  const root = mkdtempSync(path.join(tmpdir(), 'content-'));
  const contentDir = path.join(root, 'content');
  cpSync(DEFAULT_PATHS.contentDir, contentDir, { recursive: true });
  breakIt((file, change) => {
    const target = path.join(contentDir, file);
    writeFileSync(target, change(readFileSync(target, 'utf8')));
  });
  return { contentDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function problemsOf(breakIt: Parameters<typeof brokenCopy>[0]): ContentProblem[] {
  const { contentDir, cleanup } = brokenCopy(breakIt);
  try {
    loadSiteContent(contentDir);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  } finally {
    cleanup();
  }
  return [];
}

function lineOf(file: string, needle: string): number {
  const text = readFileSync(path.join(DEFAULT_PATHS.contentDir, file), 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

const TASK = 'profiles/legal-representative/rl-who.yaml';

describe('content validation', () => {
  it('accepts the real content', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('reports a missing translation with file and line', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) => text.replace(/\nnl:\n(?: [^\n]*\n|\n)*/, '\n')),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${TASK}:1: missing the "nl" text of this page`,
    ]);
  });

  it('reports a missing field of one language at its line', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text.replace(/\n {2}description:[^\n]*(?=\n {2}body)/g, (m, offset: number) => {
          const nl = text.indexOf('\nnl:');
          const next = text.slice(nl + 1).search(/\n[a-z]{2}:\n/);
          const end = next < 0 ? text.length : nl + 1 + next;
          return offset > nl && offset < end ? '' : m;
        }),
      ),
    );
    expect(problems).toHaveLength(1);
    // The nl block starts on the line after "nl:".
    expect(problems[0]).toMatchObject({
      file: `content/${TASK}`,
      line: lineOf(TASK, '\nnl:') + 2,
      message: 'nl.description is missing (one sentence shown in search results and link previews)',
    });
  });

  it('reports a dangling internal link at the line it is on', () => {
    const file =
      'profiles/legal-representative/rl-manage-roles/rl-manage-roles-also-local-manager.yaml';
    const problems = problemsOf((edit) =>
      edit(file, (text) => text.replace('(gl-manage-roles)', '(gl-manage-rolez)')),
    );
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]).toMatchObject({
      file: `content/${file}`,
      line: lineOf(file, '(gl-manage-roles)'),
    });
    expect(problems[0]?.message).toContain('"gl-manage-rolez", which is not a node id');
  });

  it('reports a duplicate slug among siblings', () => {
    const file = 'profiles/legal-representative/rl-register.yaml';
    const slug = readFileSync(path.join(DEFAULT_PATHS.contentDir, TASK), 'utf8').match(
      /slug: ([a-z-]+)/,
    )?.[1];
    const problems = problemsOf((edit) =>
      edit(file, (text) => text.replace(/slug: [a-z-]+/, `slug: ${slug}`)),
    );
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/rl-(register|who)\.yaml$/),
        line: expect.any(Number),
        message: expect.stringContaining(
          `fr.slug "${slug}" is also used by content/profiles/legal-representative/rl-`,
        ),
      },
    ]);
  });

  it.each([
    ['capitals', 'Qui-Est-Le-Rae'],
    ['a space', 'qui est'],
    ['an accent', 'qui-est-le-délégué'],
    ['an underscore', 'qui_est'],
    ['a slash', 'qui/est'],
    ['a double hyphen', 'qui--est'],
    ['a leading hyphen', '-qui-est'],
    ['a trailing hyphen', 'qui-est-'],
    ['percent-encoding', 'qui%20est'],
    ['a dot segment', '..'],
  ])('rejects a slug that is not URL-safe: %s (%s)', (_, slug) => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) => text.replace(/slug: [a-z-]+/, `slug: "${slug}"`)),
    );
    expect(problems).toEqual([
      {
        file: `content/${TASK}`,
        line: lineOf(TASK, 'slug:'),
        message: expect.stringMatching(/^fr\.slug: slug must be lower-case ASCII letters/),
      },
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) => text.replace('fr:\n', 'fr:\n  title: [unclosed\n')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(`content/${TASK}`);
    expect(problems[0]?.message).toMatch(/^YAML: /);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a node no link leads to', () => {
    const problems = problemsOf((edit) =>
      edit('profiles/user.yaml', (text) => text.replace('  - u-change-email\n', '')),
    );
    expect(problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^content\/profiles\/user\/u-change-email\.yaml:1: .*not listed/),
    );
  });

  it.each([
    ['[x](http://example.org/)', /must use https/],
    ['[x](javascript:alert(1))', /must use https|neither a node id/],
    ['[x](data:text/html,hi)', /must use https|neither a node id/],
    [
      '[x](https://www.socialsecurity.be/site_nl/employer/infos/index.htm)',
      /site_nl on a "fr" page/,
    ],
    ['[x](https://iamapps.belgium.be/rma/generalinfo?language=nl)', /language=nl on a "fr" page/],
    [
      '[x](https://www.csam.be/nl/beheer-toegangsbeheerders.html)',
      /points at \/nl\/ on a "fr" page/,
    ],
    [
      '[x](https://www.socialsecurity.be/site_de/employer/infos/index.htm){hreflang=nl}',
      /declared \{hreflang=nl\} but has site_de/,
    ],
    [
      '[x](https://www.csam.be/de/verwaltung-zugangsverwalter.html){hreflang=xx}',
      /no language "xx"/,
    ],
    [
      '[x](https://www.socialsecurity.be/site_fr/employer/infos/index.htm){hreflang=fr}',
      /own language/,
    ],
    ['[x](rl-register){hreflang=nl}', /needs no \{hreflang\}/],
  ])('rejects the external link %s', (link, reason) => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) => text.replace(/(\n {2}body: \|\n)/, `$1    ${link}\n\n`)),
    );
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(reason));
  });

  it('reports {hreflang} that follows no link, at its line', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text.replace(/(\n {2}body: \|\n)/, '$1    Un paragraphe. {hreflang=nl}\n\n'),
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${TASK}:${lineOf(TASK, '  body: |') + 1}: fr.body: {hreflang=…} must follow a link to another language's page`,
    ]);
  });

  it('accepts a link into another language when its language is declared, and says so on the page', async () => {
    const href = 'https://www.csam.be/nl/beheer-toegangsbeheerders.html';
    const { contentDir, cleanup } = brokenCopy((edit) =>
      edit(TASK, (text) =>
        text.replace(
          /(\n {2}body: \|\n)/,
          `$1    [Beheer der Toegangsbeheerders](${href}){hreflang=nl}\n\n`,
        ),
      ),
    );
    try {
      const { site } = await prepareSite('https://roles.example.be', {
        ...DEFAULT_PATHS,
        contentDir,
      });
      const task = realTree.byId.get('rl-who');
      const page = site.pages.get(task?.text.fr?.path ?? '')?.variants.identity.toString() ?? '';
      expect(page).toContain(
        `<a href="${href}" hreflang="nl" class="external">Beheer der Toegangsbeheerders (en néerlandais)<span class="visually-hidden">`,
      );
    } finally {
      cleanup();
    }
  });

  it('rejects control characters, invisible to authors', () => {
    // A double-quoted YAML string turns \\u0007 into the (invisible) bell character.
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text.replace(/\n {2}title: [^\n]*/, '\n  title: "savoir qui\\u0007 est le RAE"'),
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'fr.title: title contains a control character',
    ]);
  });

  it('rejects raw HTML in a body', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text.replace(/(\n {2}body: \|\n)/, '$1    <script>alert(1)</script>\n\n'),
      ),
    );
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/raw HTML is not allowed/),
    );
  });

  it('rejects an incomplete translation of the interface strings', () => {
    const problems = problemsOf((edit) =>
      edit('locales/nl/common.json', (text) => text.replace(/\n\s*"restart": "[^"]*",/, '')),
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/locales/nl/common.json:1: missing key "task.restart"',
    ]);
  });
});

const QUESTION = 'profiles/legal-representative/rl-designate-local-manager.yaml';
const OUTCOME =
  'profiles/legal-representative/rl-designate-local-manager/rl-designate-local-manager-not-rae.yaml';

describe('content validation of questions, outcomes and verdicts', () => {
  it('reports an option that leads nowhere, at its line', () => {
    const problems = problemsOf((edit) =>
      edit(QUESTION, (text) =>
        text.replace(
          'options: [rl-designate-local-manager-also-rae, rl-designate-local-manager-not-rae]',
          'options: [rl-designate-local-manager-also-rae, rl-designate-local-manager-not-rae, rl-designate-local-manager-maybe]',
        ),
      ),
    );
    expect(problems).toContainEqual({
      file: `content/${QUESTION}`,
      line: lineOf(QUESTION, 'options:'),
      message:
        'option "rl-designate-local-manager-maybe" leads nowhere: no file is called rl-designate-local-manager-maybe.yaml',
    });
  });

  it('reports a question with fewer than two options', () => {
    const problems = problemsOf((edit) => {
      edit(QUESTION, (text) =>
        text
          .replace(
            'options: [rl-designate-local-manager-also-rae, rl-designate-local-manager-not-rae]',
            'options: [rl-designate-local-manager-also-rae]',
          )
          .replace(/\n {4}rl-designate-local-manager-not-rae: [^\n]*/g, ''),
      );
    });
    expect(problems.map(formatProblem)).toContainEqual(
      `content/${QUESTION}:${lineOf(QUESTION, 'options:')}: a question needs at least two options`,
    );
  });

  it('reports a task or an outcome without a verdict', () => {
    const problems = problemsOf((edit) =>
      edit(OUTCOME, (text) => text.replace(/^verdict: other\nwho: access-manager\n/m, '')),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${OUTCOME}:1: verdict is missing (self, other, depends or automatic)`,
    ]);
  });

  it('reports an outcome no option leads to, and an option without words in one language', () => {
    const problems = problemsOf((edit) =>
      edit(QUESTION, (text) =>
        text.replace(
          'options: [rl-designate-local-manager-also-rae, rl-designate-local-manager-not-rae]',
          'options: [rl-designate-local-manager-also-rae, rl-manage-roles-fps-finance]',
        ),
      ),
    );
    expect(problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        `content/${OUTCOME}:1: no option leads to "rl-designate-local-manager-not-rae" (list it in the options of a question in rl-designate-local-manager)`,
        expect.stringMatching(
          /rl-designate-local-manager\.yaml:\d+: option "rl-manage-roles-fps-finance" must be an outcome in the folder rl-designate-local-manager\/$/,
        ),
        expect.stringMatching(
          /rl-designate-local-manager\.yaml:\d+: fr\.answers has no words for option "rl-manage-roles-fps-finance"$/,
        ),
      ]),
    );
  });

  it('reports, with file and line, an outcome that cannot be reached in one language', () => {
    // The profile finder is reached through links in each language's text: drop the Dutch ones.
    const problems = problemsOf((edit) => {
      for (const file of ['pages/home.yaml', 'pages/start.yaml', 'pages/definitions.yaml']) {
        edit(file, (text) => {
          const [fr = '', nl = ''] = text.split('\nnl:\n');
          return `${fr}\nnl:\n${nl.replace(/\[([^\]]*)\]\(finder\)/g, '$1')}`;
        });
      }
    });
    const steps = realTree.nodes.filter((node) => node.kind === 'step');
    expect(steps.length).toBeGreaterThan(0);
    expect(problems.map(formatProblem)).toEqual(
      expect.arrayContaining(
        steps.map(
          (step) =>
            `${step.file}:1: "${step.id}" cannot be reached from home by following the nl links`,
        ),
      ),
    );
    expect(problems.filter((problem) => problem.message.includes('the fr links'))).toEqual([]);
  });

  it('reports a page without the day it was last checked', () => {
    const problems = problemsOf((edit) =>
      edit(OUTCOME, (text) => text.replace(/\nreviewed: [^\n]*/, '')),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${OUTCOME}:1: reviewed is missing (the day a person last checked this page against the official pages, YYYY-MM-DD)`,
    ]);
  });

  it.each(['2026-13-01', 'yesterday', '29/11/2026'])(
    'reports reviewed: %s, which is not a date',
    (date) => {
      const problems = problemsOf((edit) =>
        edit(OUTCOME, (text) => text.replace(/\nreviewed: [^\n]*/, `\nreviewed: ${date}`)),
      );
      expect(problems.map(formatProblem)).toEqual([
        `content/${OUTCOME}:${lineOf(OUTCOME, 'reviewed:')}: reviewed: must be a date written YYYY-MM-DD`,
      ]);
    },
  );

  it('reports a verdict naming someone who is not a profile', () => {
    const problems = problemsOf((edit) =>
      edit(OUTCOME, (text) => text.replace('who: access-manager', 'who: contact')),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${OUTCOME}:${lineOf(OUTCOME, 'who:')}: who "contact" is not a profile`,
    ]);
  });

  it('reports a task whose topic has no file', () => {
    const problems = problemsOf((edit) =>
      edit(QUESTION, (text) =>
        text.replace('topic: designate-local-manager', 'topic: designate-local-managers'),
      ),
    );
    expect(problems.map(formatProblem)).toContainEqual(
      `content/${QUESTION}:${lineOf(QUESTION, 'topic:')}: topic "designate-local-managers" has no file topics/designate-local-managers.yaml`,
    );
  });
});

describe('language checks', () => {
  it('reports French punctuation without its no-break space, at its line', () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text.replace(/\n {2}title: [^\n]*/, '\n  title: savoir qui est le RAE ?'),
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      `content/${TASK}:${lineOf(TASK, '  title:')}: fr.title: put a no-break space before « ? » (French typography)`,
    ]);
  });

  it("reports another language's quotation marks, at their line", () => {
    const problems = problemsOf((edit) =>
      edit(TASK, (text) =>
        text
          .replace('\nnl:\n', '\nnl:\n')
          .replace(/(\nnl:[\s\S]*?\n {2}title: )[^\n]*/, '$1weten wie de « VTE » is'),
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'nl.title: « is not a quotation mark of this language: use ‘…’',
    ]);
  });

  it('reports a paragraph left word for word untranslated', () => {
    const file = 'profiles/user/u-list-roles.yaml';
    const problems = problemsOf((edit) =>
      edit(file, (text) => {
        const french = /\nfr:[\s\S]*?\n {2}body: \|\n {4}([^\n]*)/.exec(text)?.[1] ?? '';
        return text.replace(/(\nnl:[\s\S]*?\n {2}body: \|\n {4})[^\n]*/, `$1${french}`);
      }),
    );
    // The first line of the Dutch body, where the French was copied.
    const text = readFileSync(path.join(DEFAULT_PATHS.contentDir, file), 'utf8');
    const body = /\nnl:[\s\S]*?\n {2}body: \|\n/.exec(text);
    const line = text.slice(0, (body?.index ?? 0) + (body?.[0].length ?? 0)).split('\n').length;
    expect(problems.map(formatProblem)).toContainEqual(
      `content/${file}:${line}: nl.body is word for word the fr text: write it in nl`,
    );
  });

  it('warns of a sentence over 35 words, and still lets the site start', () => {
    const long = Array.from({ length: 40 }, (_, index) => `mot${index}`).join(' ');
    const { contentDir, cleanup } = brokenCopy((edit) =>
      edit(TASK, (text) => text.replace(/(\n {2}body: \|\n)/, `$1    ${long}.\n\n`)),
    );
    try {
      const { warnings } = loadSiteContent(contentDir);
      expect(warnings.map(formatProblem)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^content/${TASK}:\\d+: warning: fr\\.body: a sentence of 40 words \\(over 35`,
          ),
        ),
      ]);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/check-content.ts', contentDir],
        {
          cwd: path.dirname(DEFAULT_PATHS.contentDir),
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('warning: fr.body: a sentence of 40 words');
    } finally {
      cleanup();
    }
  });

  it('reports an interface string with the wrong quotation marks, at its line', () => {
    const problems = problemsOf((edit) =>
      edit('locales/nl/common.json', (text) => text.replace(/"Startpagina"/, '"„Startpagina”"')),
    );
    expect(problems.map((p) => p.message)).toEqual([
      '"nav.home": „ is not a quotation mark of this language: use ‘…’',
    ]);
  });
});

describe('the order of the languages', () => {
  it('follows language.order in each locale file, not the alphabet of the codes', () => {
    const order = (code: string) => Number(interfaceString(code, 'language.order'));
    const codes = realTree.languages.map((language) => language.code);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toEqual([...codes].sort((a, b) => order(a) - order(b)));
  });

  it('rejects two languages in the same place, at its line', () => {
    const [first, second] = realTree.languages.map((language) => language.code);
    const problems = problemsOf((edit) =>
      edit(`locales/${second}/common.json`, (text) =>
        text.replace(
          /"order": "\d+"/,
          `"order": "${interfaceString(first ?? '', 'language.order')}"`,
        ),
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: `content/locales/${second}/common.json`,
        message: `"language.order" ${interfaceString(first ?? '', 'language.order')} is also ${first}'s`,
      }),
    ]);
  });
});

describe('adding a language', () => {
  it('takes only files: locale JSON and a block in each content file', async () => {
    const { contentDir, cleanup } = brokenCopy(() => {});
    try {
      const french = path.join(contentDir, 'locales', 'fr', 'common.json');
      const german = JSON.parse(readFileSync(french, 'utf8'));
      german.language = {
        ...german.language,
        name: 'Italiano',
        tag: 'it-BE',
        ogLocale: 'it_BE',
        order: String(realTree.languages.length + 1),
      };
      german.search.slug = 'ricerca';
      german.matrix.slug = 'chi-puo-fare-cosa';
      mkdirSync(path.join(contentDir, 'locales', 'it'));
      writeFileSync(path.join(contentDir, 'locales', 'it', 'common.json'), JSON.stringify(german));

      const missing = (() => {
        try {
          loadSiteContent(contentDir);
          return [];
        } catch (error) {
          return error instanceof ContentError ? error.problems : [];
        }
      })();
      // Every content file, and every entry of the glossary, is listed as missing its new
      // language's text: nothing can be half-translated.
      const entries =
        Object.keys(realTree.glossary.fr ?? []).length > 0
          ? (realTree.glossary.fr ?? []).map(() => 'content/glossary.yaml')
          : [];
      expect(entries.length).toBeGreaterThan(0);
      expect(missing.map((p) => p.file).sort()).toEqual(
        [...realTree.nodes.map((node) => node.file), ...entries].sort(),
      );
      expect(
        missing.filter(
          (p) =>
            p.message !== 'missing the "it" text of this page' &&
            !/^[a-z0-9-]+\.it is missing$/.test(p.message),
        ),
      ).toEqual([]);

      // Every block of French in every file (node files, and each entry of the glossary)
      // gets its Italian twin; the files that hold no text (search words, hosts) are left.
      const contentFiles = readdirSync(contentDir, { recursive: true })
        .map(String)
        .filter(
          (file) =>
            file.endsWith('.yaml') &&
            !['search.yaml', 'official-hosts.yaml', 'redirects.yaml'].includes(file) &&
            !file.startsWith('schemas'),
        );
      // Addresses, dates, language codes and node ids are not words to translate.
      const KEPT = new Set([
        'slug',
        'url',
        'checked',
        'date',
        'language',
        'supersedes',
        'explains',
        'explainedOn',
      ]);
      // External links must name the page's own language, so the copy points at Italian ones.
      const inItalian = (text: string) =>
        text.replace(/site_fr|(lang|language)=fr|\/fr\//g, (m) => m.replace('fr', 'it'));
      const italian = (value: unknown, translate: (text: string) => string, key = ''): unknown => {
        if (typeof value === 'string') {
          return KEPT.has(key) ? inItalian(value) : translate(inItalian(value));
        }
        if (Array.isArray(value)) return value.map((item) => italian(item, translate, key));
        if (value && typeof value === 'object') {
          return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              key === 'answers' ? translate(String(v)) : italian(v, translate, k),
            ]),
          );
        }
        return value;
      };
      const addGerman = (translate: (text: string) => string) => {
        for (const file of contentFiles) {
          const target = path.join(contentDir, file);
          const doc = parseDocument(readFileSync(target, 'utf8'));
          const blocks =
            file === 'glossary.yaml' ? Object.keys(doc.toJS() ?? {}).map((id) => [id]) : [[]];
          for (const at of blocks) {
            const french: unknown = doc.getIn([...at, 'fr'], false);
            const plain = (french as { toJSON?: () => unknown })?.toJSON?.() ?? french;
            doc.setIn([...at, 'it'], italian(plain, translate));
          }
          writeFileSync(target, doc.toString({ lineWidth: 0 }));
        }
      };
      const problems = () => {
        try {
          loadSiteContent(contentDir);
          return [];
        } catch (error) {
          return error instanceof ContentError ? [...error.problems] : [];
        }
      };

      // A copy of the French is caught: every text it copied is reported as untranslated.
      addGerman((text) => text);
      const copied = problems();
      expect(copied.length).toBeGreaterThan(contentFiles.length);
      expect(
        copied.filter(
          (p) => !/is word for word the (fr|it) text: write it in (it|fr)$/.test(p.message),
        ),
      ).toEqual([]);

      // Written anew (here, marked as German), every language's text is its own.
      // A description keeps within its 200 characters: its mark takes the place of its end.
      addGerman((text) =>
        text
          .split('\n')
          .map((line) => (line.trim() ? `${line} (it)` : line))
          .map((line) => (line.length > 200 ? `${line.slice(0, 194)} (it)` : line))
          .join('\n'),
      );
      expect(problems()).toEqual([]);
      const { tree } = loadSiteContent(contentDir);
      expect(tree.languages.map((language) => language.code)).toEqual([
        ...realTree.languages.map((language) => language.code),
        'it',
      ]);
      expect(tree.home.text.it?.path).toBe('/it/');
      const { site } = await prepareSite('https://roles.example.be', {
        ...DEFAULT_PATHS,
        contentDir,
      });
      const home = site.pages.get('/it/')?.variants.identity.toString() ?? '';
      expect(home).toContain('<html lang="it-BE">');
      expect(home).toMatch(/hreflang="fr-BE"[^>]*>Français</);
      expect(home).toMatch(/hreflang="nl-BE"[^>]*>Nederlands</);
    } finally {
      cleanup();
    }
    // It reads the content several times and renders a whole site in every language.
  }, 30_000);
});

describe('npm run check:content', () => {
  it('exits 1 and lists each problem as file:line: reason', () => {
    const { contentDir, cleanup } = brokenCopy((edit) =>
      edit(TASK, (text) => text.replace('fr:\n', 'fr:\n  title: [unclosed\n')),
    );
    try {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/check-content.ts', contentDir],
        {
          cwd: path.dirname(DEFAULT_PATHS.contentDir),
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^content\/profiles\/legal-representative\/rl-who\.yaml:\d+: YAML: /m,
      );
    } finally {
      cleanup();
    }
  });
});
