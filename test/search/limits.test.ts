import request from 'supertest';
import { fold, searchWords, words } from '../../src/search/normalize';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, normalizeQuery } from '../../src/search/query';
import { DEFAULT_LIMITS } from '../../src/search/search';
import { createSearch } from '../../src/site/search-results';
import { html, interfaceString, searchSettings, testApp, tree } from '../helpers';

// The work a query makes is counted in steps (src/search/work.ts), never timed: a timer
// measures the machine; the counter measures what the code does.
const search = createSearch(tree, searchSettings);
const withoutLimits = createSearch(tree, searchSettings, {
  limits: { maxTerms: 1_000, fuzzyBudget: Infinity, maxExpansions: 1_000, maxSteps: Infinity },
});
const onlyTwentyWords = createSearch(tree, searchSettings, {
  limits: { ...DEFAULT_LIMITS, fuzzyBudget: Infinity, maxSteps: Infinity },
});

/** The largest single step of work: one list of occurrences, or one row of a typo's table. */
const OVERSHOOT = 1_000;

/**
 * `count` long words of the pages, each with two letters changed: every one sends the typo
 * lookup deep into the vocabulary, the most costly query there is.
 */
function typoLadenWords(count: number, code = 'fr'): string {
  const long = [
    ...new Set(
      tree.nodes.flatMap((node) =>
        words(fold(node.text[code]?.plainText ?? '')).filter((word) => word.length >= 10),
      ),
    ),
  ];
  // Two typos in each word; a language with fewer long words than asked gets the same words
  // again with other typos, so every word of the query is still a different one.
  return Array.from({ length: count }, (_, index) => {
    const word = long[index % long.length] ?? '';
    const round = Math.floor(index / long.length);
    const typo = String.fromCharCode(113 + (round % 8));
    return `${word.slice(0, 3)}x${word.slice(4, -3)}${typo}${word.slice(-2)}`;
  }).join(' ');
}

async function searchPage(query: string) {
  const { app, site } = await testApp();
  const [path] = [...site.searchPaths.keys()];
  const response = await request(app)
    .get(path ?? '')
    .query({ q: query });
  return html(response.text);
}

describe('search limits', () => {
  beforeAll(async () => {
    await testApp();
  }, 60_000);

  it.each(tree.languages)(
    'holds 50 typo-laden words to the step budget, and says the query was shortened ($code)',
    ({ code }) => {
      const query = typoLadenWords(50, code);
      expect(new Set(query.split(' ')).size).toBe(50);
      const bounded = search.search(code, query);
      expect(bounded.shortened).toBe(true);
      expect(bounded.steps).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSteps + OVERSHOOT);
      // Each limit is what bounds it: without the typo budget the same query costs more, and
      // without the limit on words, more again.
      const twentyWords = onlyTwentyWords.search(code, query);
      const unbounded = withoutLimits.search(code, query);
      expect(twentyWords.steps).toBeGreaterThan(bounded.steps);
      expect(unbounded.steps).toBeGreaterThan(2 * twentyWords.steps);
    },
  );

  it('searches only the first 20 words, and tells the visitor', async () => {
    // Words the pages use, none of them an ignored word.
    const ignored = new Set(searchSettings.fr?.ignore.map(fold));
    const words = [
      ...new Set(tree.nodes.flatMap((node) => searchWords(node.text.fr?.title ?? '', ignored))),
    ].slice(0, 30);
    expect(words.length).toBe(30);
    const query = words.join(' ');
    const all = search.search('fr', query);
    const first = search.search('fr', words.slice(0, MAX_QUERY_TERMS + 5).join(' '));
    expect(all.shortened).toBe(true);
    // Words past the limit change nothing: not the results, not the work.
    expect(all.steps).toBe(first.steps);
    expect(all.lines).toEqual(first.lines);
    const $ = await searchPage(query);
    expect($('.search-notice').text()).toContain(
      interfaceString('fr', 'search.shortened').replace('{{max}}', String(MAX_QUERY_TERMS)),
    );
  });

  it('searches only the first 200 characters, and tells the visitor', async () => {
    const long = `${'gestionnaire local '.repeat(20)}${typoLadenWords(40)}`;
    expect(long.length).toBeGreaterThan(4 * MAX_QUERY_LENGTH);
    const query = normalizeQuery(long);
    expect(query).toEqual({ text: long.slice(0, MAX_QUERY_LENGTH), cut: true });
    const cut = search.search('fr', query.text);
    expect(cut.steps).toBe(search.search('fr', long.slice(0, MAX_QUERY_LENGTH)).steps);
    expect(cut.steps).toBeLessThan(withoutLimits.search('fr', long).steps);
    const $ = await searchPage(long);
    expect($('#search-q').val()).toBe(long.slice(0, MAX_QUERY_LENGTH));
    expect($('.search-notice').text()).toContain(
      interfaceString('fr', 'search.truncated').replace('{{max}}', String(MAX_QUERY_LENGTH)),
    );
  });

  it('never splits a character when it cuts, and gives one spelling to one query', () => {
    const emoji = '😀'.repeat(150);
    const cut = normalizeQuery(emoji).text;
    expect(cut.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(cut).toBe('😀'.repeat(cut.length / 2));
    expect(normalizeQuery(' Qualite\u0301\t\u200b RAE  ').text).toBe(
      normalizeQuery('Qualité RAE').text,
    );
  });
});
