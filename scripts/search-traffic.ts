/**
 * Search traffic for `npm run bench` and `npm run soak`, made from the relevance benchmark's
 * queries (test/search/queries.yaml): never-repeated queries, as visitors type them, with their
 * words in another order and typos, and one query asked again and again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBenchmark } from '../src/search/evaluation';
import { ROOT } from './server-process';

/** Each language's search page, from its interface strings: `/fr/recherche/`. */
function searchPath(language: string): string {
  const file = path.join(ROOT, 'content', 'locales', language, 'common.json');
  const strings = JSON.parse(readFileSync(file, 'utf8')) as { search: { slug: string } };
  return `/${language}/${strings.search.slug}/`;
}

function benchmarkQueries(): { language: string; query: string }[] {
  const benchmark = readBenchmark(path.join(ROOT, 'test', 'search', 'queries.yaml'));
  return Object.entries(benchmark).flatMap(([language, queries]) =>
    queries.map(({ query }) => ({ language, query })),
  );
}

/** A small seeded generator: the same run of queries every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The slips of a hurried typist: two letters swapped, one dropped, one doubled, an accent left out. */
function typo(word: string, next: () => number): string {
  const at = Math.floor(next() * word.length);
  switch (Math.floor(next() * 4)) {
    case 0:
      return at + 1 < word.length
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word;
    case 1:
      return word.length > 3 ? word.slice(0, at) + word.slice(at + 1) : word;
    case 2:
      return word.slice(0, at + 1) + word.slice(at);
    default:
      return word.normalize('NFD').replace(/\p{M}/gu, '');
  }
}

function variant(query: string, next: () => number): string {
  const words = query.split(' ');
  const turn = Math.floor(next() * words.length);
  const reordered = [...words.slice(turn), ...words.slice(0, turn)];
  const typos = Math.floor(next() * 3);
  for (let count = 0; count < typos; count++) {
    const which = Math.floor(next() * reordered.length);
    reordered[which] = typo(reordered[which] ?? '', next);
  }
  return reordered.join(' ');
}

/**
 * `count` search URLs, no two alike, each a benchmark query with its words turned around and
 * up to two typos. Fewer if the queries cannot give that many different ones.
 */
export function neverRepeatedSearches(count: number, seed = 12): string[] {
  const queries = benchmarkQueries();
  const next = random(seed);
  const seen = new Set<string>();
  const paths: string[] = [];
  const searchPages = new Map<string, string>();
  for (let attempt = 0; paths.length < count && attempt < count * 20; attempt++) {
    const { language, query } = queries[Math.floor(next() * queries.length)] ?? {
      language: '',
      query: '',
    };
    const text = variant(query, next);
    const key = `${language} ${text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let base = searchPages.get(language);
    if (!base) searchPages.set(language, (base = searchPath(language)));
    paths.push(`${base}?q=${encodeURIComponent(text)}`);
  }
  return paths;
}

/** One query asked again and again: the first of the benchmark. */
export function repeatedSearch(): string {
  const [first] = benchmarkQueries();
  if (!first) throw new Error('test/search/queries.yaml has no query');
  return `${searchPath(first.language)}?q=${encodeURIComponent(first.query)}`;
}
