import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import type { ContentNode } from '../src/content/tree';
import { MAX_QUERY_LENGTH } from '../src/search/search';
import { fold, words } from '../src/search/normalize';
import { html, nodeById, pathOf, raw, searchSettings, testApp, tree } from './helpers';
import { visits } from './visits';

async function search(language: string, query: string) {
  const { app, site } = await testApp();
  const searchPath = [...site.searchPaths].find(([, l]) => l.code === language)?.[0] ?? '';
  const response = await request(app).get(searchPath).query({ q: query });
  const $ = html(response.text);
  return {
    response,
    $,
    results: $('ol.results a')
      .map((_, a) => $(a).attr('href'))
      .get(),
  };
}

const answers =
  (...ids: string[]) =>
  (language: string) =>
    ids.map((id) => pathOf(nodeById(id), language));

describe('search', () => {
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

  it('ranks title matches first: every page about the topic, before any other', async () => {
    const { results } = await search('fr', 'qualite');
    const topic = nodeById('activate-quality');
    const withOutcomes = (node: ContentNode): ContentNode[] => [
      node,
      ...node.options.flatMap(withOutcomes),
    ];
    const aboutIt = [topic, ...topic.tasks.flatMap(withOutcomes)].map((n) => pathOf(n, 'fr'));
    expect(aboutIt).toEqual(
      expect.arrayContaining(answers('rl-activate-quality', 'rae-activate-quality')('fr')),
    );
    expect(results.slice(0, aboutIt.length).sort()).toEqual(aboutIt.sort());
  });

  it('names each result’s profile and shows a snippet with the word marked', async () => {
    const { $ } = await search('fr', 'qualite');
    const first = $('ol.results li').first();
    expect(first.find('.results__profile').text()).toMatch(
      /Profil\s: (Représentant Légal|Responsable Accès Entité)/,
    );
    expect(first.find('mark').text().toLowerCase()).toBe('qualité');
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

  it('helps when nothing matches', async () => {
    const { response, $, results } = await search('nl', 'xylofoon');
    expect(response.status).toBe(200);
    expect(results).toEqual([]);
    expect($('main').text()).toContain('xylofoon');
    expect($('main ul.choices a')).toHaveLength(tree.profiles.length);
  });

  it('is never indexed and never cached', async () => {
    const { response, $ } = await search('fr', 'rae');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(response.headers['x-robots-tag']).toBe('noindex');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('escapes the query wherever it is shown', async () => {
    const { response } = await search('fr', '<script>alert("x")</script>');
    expect(response.text).not.toContain('<script>alert');
    expect(response.text).toContain('&lt;script&gt;');
  });

  it('caps the query at 200 characters', async () => {
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
