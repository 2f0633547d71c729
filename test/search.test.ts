import request from 'supertest';
import type { ContentNode } from '../src/content/tree';
import { html, nodeById, pathOf, testApp, tree } from './helpers';

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

  it('searches only the page’s own language', async () => {
    const { results } = await search('nl', 'qualite');
    expect(results.every((path) => path.startsWith('/nl/'))).toBe(true);
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
    const { $ } = await search('fr', 'rae '.repeat(100));
    expect(String($('#search-q').val()).length).toBeLessThanOrEqual(200);
    expect($('main').text()).toContain('200');
  });

  it('offers the search form on every page', async () => {
    const { app } = await testApp();
    for (const language of tree.languages) {
      const $ = html((await request(app).get(pathOf(tree.home, language))).text);
      const form = $('header form[role="search"]');
      expect(form.attr('method')).toBe('get');
      expect(form.find('input[name="q"]')).toHaveLength(1);
      expect(form.find('label').text()).not.toBe('');
    }
  });
});
