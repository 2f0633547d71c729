import type { LanguageSearchSettings, SearchSettings } from '../content/search-settings';
import { textIn, type ContentNode, type ContentTree } from '../content/tree';
import { excerptOf, excerptSource, type Excerpt, type ExcerptSource } from './excerpt';
import { buildIndex, type LanguageIndex, type SearchDocument } from './index';
import { fold, searchWords, words } from './normalize';
import { parseQuery } from './parse';
import { phraseTable } from './phrases';
import { MAX_QUERY_TERMS } from './query';
import { rankDocuments } from './rank';
import { resultLines } from './results';
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

const NO_SETTINGS: LanguageSearchSettings = { ignore: [], synonyms: [], forWhom: [] };

/** What search reads of a content node in one language. */
function documentOf(node: ContentNode, language: string): SearchDocument {
  const text = textIn(node, language);
  const profile = node.kind === 'profile' ? node : node.profile;
  const names = profile ? textIn(profile, language) : undefined;
  return {
    id: node.id,
    kind: node.kind,
    fields: {
      title: text.title,
      // A site page's slug is its short name ("contact", "definitions") when its title is a
      // question; a task's names are its profile's, in every form.
      names:
        node.kind === 'page'
          ? text.slug
          : [names?.title, names?.asRole, names?.currentName].filter(Boolean).join(' · '),
      description: text.description,
      question: [text.question, ...Object.values(text.answers)].filter(Boolean).join(' · '),
      text: text.plainText,
    },
  };
}

interface LanguageSearch {
  index: LanguageIndex;
  /** Each document's summary and text, ready to cut excerpts from. */
  excerpts: Map<string, { summary: ExcerptSource; body: ExcerptSource }>;
}

function languageSearch(
  documents: SearchDocument[],
  settings: LanguageSearchSettings,
): LanguageSearch {
  const ignored = new Set(settings.ignore.flatMap((word) => words(fold(word))));
  const phrases = phraseTable(settings.synonyms, ignored);
  const synonymWords = settings.synonyms.flat().flatMap((phrase) => searchWords(phrase, ignored));
  const forWhom = new Set(settings.forWhom.flatMap((word) => words(fold(word))));
  const index = buildIndex(documents, { ignored, forWhom }, phrases, synonymWords);
  const source = (text: string) => excerptSource(text, ignored, phrases);
  return {
    index,
    excerpts: new Map(
      documents.map(({ id, fields }) => [
        id,
        { summary: source(fields.description), body: source(fields.text) },
      ]),
    ),
  };
}

/**
 * One index per language, built once at start from the content tree and any pages the site
 * generates (`generated`). Nothing here depends on which languages there are.
 */
export function createSearch(
  tree: ContentTree,
  settings: SearchSettings,
  options: {
    generated?: (language: string) => SearchDocument[];
    limits?: SearchLimits;
  } = {},
): SiteSearch {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const languages = new Map(
    tree.languages.map(({ code }) => [
      code,
      languageSearch(
        [...tree.nodes.map((node) => documentOf(node, code)), ...(options.generated?.(code) ?? [])],
        settings[code] ?? NO_SETTINGS,
      ),
    ]),
  );
  return {
    search(language, query) {
      const work = new Work(limits);
      const found = languages.get(language);
      if (!found) return { lines: [], shortened: false, steps: 0 };
      const { units, shortened } = parseQuery(query, found.index, work);
      const ranking = rankDocuments(found.index, units, work);
      const ids = resultLines(ranking, found.index, tree, MAX_RESULT_LINES);
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
