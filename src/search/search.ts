import type { LanguageSearchSettings } from '../content/search-settings';
import { excerptOf, excerptSource, type Excerpt, type ExcerptSource } from './excerpt';
import { foundPages, type FoundPages } from './found';
import { buildIndex, type LanguageIndex, type SearchDocument } from './index';
import { fold, searchWords, words } from './normalize';
import { parseQuery } from './parse';
import { phraseTable } from './phrases';
import { MAX_QUERY_TERMS } from './query';
import { rankDocuments } from './rank';
import { RememberedExpansions } from './remembered-expansions';
import { Work, type SearchLimits } from './work';

/** One line of results: the page it leads to, and what to show of it. */
export interface ResultLine {
  id: string;
  excerpt: Excerpt;
}

export interface SearchResult {
  lines: ResultLine[];
  /** The query had more than `maxTerms` words: only the first were searched. */
  shortened: boolean;
  /** The steps the search took (see Work): bounded whatever the query. */
  steps: number;
}

export interface SiteSearch {
  search(language: string, query: string): SearchResult;
}

export const MAX_RESULT_LINES = 10;

/**
 * The bounds every query is held to. A typo costs its length times the nodes of the
 * vocabulary it reaches under its first letter: the typo budget lets a query of ordinary
 * words correct them all (the bench's never-repeated queries stay well under it: `steps` of
 * each result says how far), and stops a query of twenty long misspelt words after a dozen of
 * them. The step budget bounds a search to a small fraction of a millisecond; time it with the
 * never-repeated scenario of `npm run bench`.
 */
export const DEFAULT_LIMITS: SearchLimits = {
  maxTerms: MAX_QUERY_TERMS,
  fuzzyBudget: 15_000,
  maxExpansions: 12,
  maxSteps: 30_000,
};

interface LanguageSearch {
  index: LanguageIndex;
  expansions: RememberedExpansions;
  /** Each document's summary and text, ready to cut excerpts from. */
  excerpts: Map<string, { summary: ExcerptSource; body: ExcerptSource }>;
}

function languageSearch(
  documents: readonly SearchDocument[],
  settings: LanguageSearchSettings,
  limits: SearchLimits,
): LanguageSearch {
  const ignored = new Set(settings.ignore.flatMap((word) => words(fold(word))));
  const phrases = phraseTable(settings.synonyms, ignored);
  const synonymWords = settings.synonyms.flat().flatMap((phrase) => searchWords(phrase, ignored));
  const forWhom = new Set(settings.forWhom.flatMap((word) => words(fold(word))));
  const index = buildIndex(documents, { ignored, forWhom }, phrases, synonymWords);
  const source = (text: string) => excerptSource(text, ignored, phrases);
  return {
    index,
    expansions: new RememberedExpansions(index.vocabulary, limits),
    excerpts: new Map(
      documents.map(({ id, fields }) => [
        id,
        { summary: source(fields.description), body: source(fields.text) },
      ]),
    ),
  };
}

/** One language's pages, and its block of content/search.yaml. */
export interface LanguageDocuments {
  code: string;
  documents: readonly SearchDocument[];
  settings: LanguageSearchSettings;
}

/**
 * Makes the lines a visitor reads of the pages found: the ids of the pages they lead to, best
 * first, at most `maxLines`. The engine knows nothing of what the pages are; the site groups
 * them (by topic and profile, src/site/search-results.ts).
 */
export type GroupResults = (found: FoundPages, maxLines: number) => string[];

/** Without a grouping, each page found is a line of its own. */
export const EACH_PAGE_A_LINE: GroupResults = ({ pages }, maxLines) => {
  const lines: string[] = [];
  for (const { id } of pages) {
    if (lines.length >= maxLines) break;
    lines.push(id);
  }
  return lines;
};

/**
 * One index per language, built once at start from the documents given. Nothing here depends
 * on which languages there are, nor on what the documents are.
 */
export function createSearchEngine(
  languages: readonly LanguageDocuments[],
  options: { group?: GroupResults; limits?: SearchLimits } = {},
): SiteSearch {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const group = options.group ?? EACH_PAGE_A_LINE;
  const byCode = new Map(
    languages.map(({ code, documents, settings }) => [
      code,
      languageSearch(documents, settings, limits),
    ]),
  );
  return {
    search(language, query) {
      const work = new Work(limits);
      const found = byCode.get(language);
      if (!found) return { lines: [], shortened: false, steps: 0 };
      const { units, shortened } = parseQuery(query, found.index, work, (word, spent) =>
        found.expansions.expand(word, spent),
      );
      const ranking = rankDocuments(found.index, units, work);
      const ids = group(foundPages(ranking, found.index), MAX_RESULT_LINES);
      const lines = ids.map((id) => {
        const source = found.excerpts.get(id);
        const excerpt = source ? excerptOf(source.summary, source.body, ranking.matched) : [];
        work.spend(source ? source.summary.marks.length + source.body.marks.length : 0);
        return { id, excerpt };
      });
      return { lines, shortened, steps: work.steps };
    },
  };
}
