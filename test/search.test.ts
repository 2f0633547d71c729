import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { fold, words } from '../src/search/normalize';
import { MAX_QUERY_LENGTH } from '../src/search/query';
import { html, nodeById, pathOf, raw, searchSettings, testApp, tree, verdictText } from './helpers';
import { generatedPath, visits } from './visits';

async function search(language: string, query: string) {
  const { app, site } = await testApp();
  const searchPath = [...site.searchPaths].find(([, l]) => l.code === language)?.[0] ?? '';
  const response = await request(app).get(searchPath).query({ q: query });
  const $ = html(response.text);
  return {
    response,
    $,
    /** Every link of the results, the pages each line lists included. */
    results: $('ol.results a')
      .map((_, a) => $(a).attr('href'))
      .get(),
    /** Each result line's own link, its title. */
    lines: $('ol.results > li > .results__title a')
      .map((_, a) => $(a).attr('href'))
      .get(),
  };
}

const answers =
  (...ids: string[]) =>
  (language: string) =>
    ids.map((id) => pathOf(nodeById(id), language));

const topicsOfSeveralProfiles = tree.topics.filter((topic) => topic.tasks.length > 1);
const tasks = tree.nodes.filter((node) => node.kind === 'task');

describe('search', () => {
  // The site is built once for the file, before the first test's clock starts.
  beforeAll(async () => {
    await testApp();
  }, 60_000);

  it.each([
    ['fr', 'qualite', answers('rl-activate-quality', 'rae-activate-quality')],
    ['fr', 'Qualité', answers('rl-activate-quality', 'rae-activate-quality')],
    ['fr', 'QUALITÉ', answers('rl-activate-quality', 'rae-activate-quality')],
    ['nl', 'hoedanigheid', answers('rl-activate-quality', 'rae-activate-quality')],
    ['fr', 'gestionaire local', answers('gl-designate-co-gl', 'rae-designate-local-manager')],
    ['nl', 'lokale behreder', answers('gl-designate-co-gl', 'rl-designate-local-manager')],
    ['fr', 'courriel', answers('u-change-email')],
    ['nl', 'mailadres', answers('u-change-email')],
  ])('in %s, "%s" finds the right answers', async (language, query, expected) => {
    const { results } = await search(language, query);
    expect(results).toEqual(expect.arrayContaining(expected(language)));
  });

  it.each([
    ['fr', 'GAP'],
    ['fr', "gestionnaire d'accès principal"],
    ['nl', 'HTB'],
    ['nl', 'hoofdtoegangsbeheerder'],
  ])("in %s, the newer name %s finds the RAE's own pages", async (language, query) => {
    const { results } = await search(language, query);
    const profile = nodeById('access-manager');
    const raePages = [profile, ...profile.tasks].map((node) => pathOf(node, language));
    expect(results.filter((path) => raePages.includes(path)).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(tree.languages)('in $code', ({ code }) => {
    it.each(topicsOfSeveralProfiles.map((topic) => ({ topic, title: topic.text[code]?.title })))(
      'groups a broad query, "$title", into one line: the topic, with each profile’s answer and its verdict',
      async ({ topic, title }) => {
        expect(topic.tasks.length).toBeGreaterThan(1);
        const { $, lines } = await search(code, title ?? '');
        expect(lines[0]).toBe(pathOf(topic, code));
        const choices = $('ol.results > li')
          .first()
          .find('.results__choices > li')
          .map((_, li) => ({
            path: $(li).find('a').attr('href'),
            verdict: $(li).find('.results__verdict').text().replace(/\s+/g, ' ').trim(),
          }))
          .get();
        expect(choices).toEqual(
          topic.tasks.map((task) => ({
            path: pathOf(task, code),
            verdict: expect.stringContaining(verdictText(task, code, 'short') ?? '-'),
          })),
        );
        // No near-identical line for a task or outcome of the same topic.
        const sameTopic = tree.nodes
          .filter((node) => node.topic === topic && node !== topic)
          .map((node) => pathOf(node, code));
        expect(sameTopic.length).toBeGreaterThanOrEqual(topic.tasks.length);
        expect(lines.filter((line) => sameTopic.includes(line))).toEqual([]);
      },
    );

    it.each(
      tasks.map((task) => ({
        task,
        query: `${task.profile?.text[code]?.asRole} ${task.text[code]?.title}`,
      })),
    )('puts the exact answer first for a profile and a task: "$query"', async ({ task, query }) => {
      const { $, lines } = await search(code, query);
      const ofTask = [task, ...task.options].map((node) => pathOf(node, code));
      expect(ofTask).toContain(lines[0]);
      const first = $('ol.results > li').first();
      expect(first.find('.results__profile').text()).toContain(
        task.profile?.text[code]?.title ?? '-',
      );
      const shown = [task, ...task.options].find((node) => pathOf(node, code) === lines[0]);
      expect(first.find('.results__verdict').text()).toContain(
        verdictText(shown ?? task, code, 'short') ?? '-',
      );
    });
  });

  /**
   * A visitor asking how to give a user a role, in each language: the user named after a word
   * of search.yaml's `forWhom` is whom the task is for. A language without its query here fails.
   */
  const FOR_WHOM_QUERIES: Record<string, string> = {
    fr: 'attribuer un rôle à un utilisateur',
    nl: 'een rol toekennen aan een gebruiker',
    de: 'Rolle für einen Benutzer zuweisen',
    en: 'assign a role to a user',
  };

  describe.each(tree.languages)('in $code, a profile named after "to", "for"', ({ code }) => {
    it('is whom the task is for: the topic first, and none of that profile’s own tasks', async () => {
      expect(searchSettings[code]?.forWhom.length).toBeGreaterThan(0);
      const query = FOR_WHOM_QUERIES[code];
      expect(query).toBeDefined();
      const { lines } = await search(code, query ?? '');
      expect(lines[0]).toBe(pathOf(nodeById('manage-role-assignments'), code));
      const user = nodeById('user');
      const usersOwn = tree.nodes
        .filter((node) => node.profile === user)
        .map((node) => pathOf(node, code));
      expect(usersOwn.length).toBeGreaterThan(0);
      expect(lines.filter((line) => usersOwn.includes(line))).toEqual([]);
    });
  });

  it('shows the verdict of an answer and marks the words found', async () => {
    const { $, lines } = await search('fr', 'RAE qualité');
    expect(lines[0]).toBe(pathOf(nodeById('rae-activate-quality'), 'fr'));
    const first = $('ol.results > li').first();
    expect(first.find('.results__profile').text()).toMatch(
      /Profil\s: Responsable Accès Entité \(RAE\)/,
    );
    const verdict = verdictText(nodeById('rae-activate-quality'), 'fr', 'short');
    expect(verdict).toBeTruthy();
    expect(first.find('.results__verdict').text()).toContain(verdict);
    expect(
      first
        .find('mark')
        .map((_, mark) => $(mark).text().toLowerCase())
        .get(),
    ).toEqual(expect.arrayContaining(['qualité', 'rae']));
  });

  it.each([
    ['nl', 'qualite', 'fr'],
    ['fr', 'hoedanigheid', 'nl'],
  ])(
    'searches only the page’s own language: in %s, "%s" (a %s word) finds nothing',
    async (language, query, other) => {
      // The word does find pages in its own language: an index shared between languages, or
      // built from the wrong language's text, would find them here too.
      const inOther = await search(other, query);
      expect(inOther.results.length).toBeGreaterThan(0);
      expect(inOther.results.every((path) => path.startsWith(`/${other}/`))).toBe(true);
      const { results } = await search(language, query);
      expect(results).toEqual([]);
    },
  );

  describe.each(tree.languages)('ignored words in $code (content/search.yaml)', ({ code }) => {
    const ignored = searchSettings[code]?.ignore ?? [];
    // Only words the pages really use would find something if they were not ignored.
    const used = new Set(
      tree.nodes.flatMap((node) => {
        const text = node.text[code];
        return words(fold(`${text?.title} ${text?.description} ${text?.plainText}`));
      }),
    );
    const ignoredAndUsed = ignored.filter((word) => used.has(fold(word)));

    it('finds nothing for an ignored word the pages use', async () => {
      expect(ignoredAndUsed.length).toBeGreaterThan(0);
      for (const word of ignoredAndUsed) {
        const { response, results } = await search(code, word);
        expect(response.status).toBe(200);
        expect({ word, results }).toEqual({ word, results: [] });
      }
    });

    it('finds the same pages with ignored words around a query as without them', async () => {
      const [first, second, third] = ignoredAndUsed;
      expect(third).toBeDefined();
      const query = tree.profiles[0]?.text[code]?.title ?? '';
      const plain = await search(code, query);
      expect(plain.results.length).toBeGreaterThan(0);
      const padded = await search(code, `${first} ${second} ${query} ${third}`);
      expect(padded.results).toEqual(plain.results);
    });
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
  ])('compresses the search page with %s when asked', async (accept, encoding) => {
    const { site } = await testApp();
    expect(site.searchPaths.size).toBe(tree.languages.length);
    for (const searchPath of site.searchPaths.keys()) {
      const url = `${searchPath}?q=${encodeURIComponent('qualité hoedanigheid')}`;
      const plain = await raw(url, { 'accept-encoding': 'identity' });
      const compressed = await raw(url, { 'accept-encoding': accept });
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.vary).toMatch(/accept-encoding/i);
      expect(compressed.body.length).toBeLessThan(plain.body.length / 2);
      const decoded =
        encoding === 'br' ? brotliDecompressSync(compressed.body) : gunzipSync(compressed.body);
      expect(decoded.equals(plain.body)).toBe(true);
    }
  });

  it('helps when the query is empty', async () => {
    const { response, $ } = await search('fr', '');
    expect(response.status).toBe(200);
    const links = $('main ul.choices a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(tree.profiles.map((profile) => pathOf(profile, 'fr')));
  });

  it.each(tree.languages)(
    'offers the profile finder and the overview when nothing matches ($code)',
    async ({ code }) => {
      const { response, $, results } = await search(code, 'xylofoon');
      expect(response.status).toBe(200);
      expect(results).toEqual([]);
      expect($('main').text()).toContain('xylofoon');
      const links = $('main a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links).toEqual(
        expect.arrayContaining([
          pathOf(nodeById('finder'), code),
          generatedPath('overview', code),
          generatedPath('matrix', code),
        ]),
      );
      expect($('main ul.choices a')).toHaveLength(tree.profiles.length);
    },
  );

  it('is never indexed, and never kept by a shared cache', async () => {
    const { response, $ } = await search('fr', 'rae');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(response.headers['x-robots-tag']).toBe('noindex');
    const cacheControl = response.headers['cache-control'] ?? '';
    expect(cacheControl.split(/,\s*/)).toContain('private');
    expect(cacheControl).not.toMatch(/public|s-maxage/);
  });

  it('escapes the query wherever it is shown', async () => {
    const { response, $ } = await search('fr', '<script>alert("x")</script>');
    expect(response.text).not.toContain('<script>alert');
    expect(response.text).toContain('&lt;script&gt;');
    // In the other language's link too, encoded for a URL.
    const other = $('a.language-link').attr('href') ?? '';
    expect(other).toContain(`?q=${encodeURIComponent('<script>alert("x")</script>')}`);
  });

  it('caps the query at 200 characters, and says so', async () => {
    const long = 'rae '.repeat(100);
    const { $ } = await search('fr', long);
    const input = $('#search-q');
    expect(input.length).toBe(1);
    expect(input.attr('maxlength')).toBe(String(MAX_QUERY_LENGTH));
    expect(input.val()).toBe(long.slice(0, MAX_QUERY_LENGTH));
    expect($('main').text()).toContain(String(MAX_QUERY_LENGTH));
  });

  // Every page of every language: content pages, generated pages, search results and 404s.
  const pagesInALanguage = visits.flatMap((visit) => {
    const language = tree.languages.find(({ code }) => visit.path.startsWith(`/${code}/`));
    return language ? [{ ...visit, code: language.code }] : [];
  });

  it.each(pagesInALanguage)(
    'offers the search form of its language on $name ($path)',
    async ({ path, status, code }) => {
      const { app, site } = await testApp();
      const searchPath = [...site.searchPaths].find(([, l]) => l.code === code)?.[0];
      const response = await request(app).get(path);
      expect(response.status).toBe(status);
      const $ = html(response.text);
      // In the header, except on the search page itself, which has its own in the content.
      const form = $('form[role="search"]');
      expect(form.length).toBe(1);
      expect(form.attr('action')).toBe(searchPath);
      expect(form.attr('method')).toBe('get');
      expect(form.find('input[name="q"]')).toHaveLength(1);
      const input = form.find('input[name="q"]').attr('id');
      expect(form.find(`label[for="${input}"]`).text().trim()).not.toBe('');
    },
  );
});
