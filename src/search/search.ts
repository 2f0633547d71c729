import MiniSearch, { type Query } from 'minisearch';
import type { LanguageSearchSettings, SearchSettings } from '../content/search-settings';
import type { ContentNode, ContentTree } from '../content/tree';
import { fold, words } from './normalize';
import { snippetOf, type Snippet } from './snippet';

export interface SearchHit {
  node: ContentNode;
  path: string;
  title: string;
  /** For tasks: the profile whose answer this is. */
  profileTitle?: string;
  snippet: Snippet | null;
  description: string;
}

export interface SiteSearch {
  search(language: string, query: string): SearchHit[];
}

/** Longest query we look at; anything longer is cut (it comes straight from a URL). */
export const MAX_QUERY_LENGTH = 200;
const MAX_HITS = 20;

interface SearchDocument {
  id: string;
  title: string;
  profile: string;
  description: string;
  text: string;
}

const SEARCH_OPTIONS = {
  boost: { title: 3, profile: 1.5, description: 1.5 },
  prefix: (term: string) => term.length >= 3,
  // Short words are too alike ("mail", "mais") to forgive typos in them.
  fuzzy: (term: string) => (term.length >= 5 ? 0.25 : false),
  maxFuzzy: 2,
} as const;

/** A synonym phrase, folded, with every phrase of its group. */
interface SynonymPhrase {
  phrase: string;
  group: string[];
}

/** Folded once per language; longer phrases first, so "gestionnaire d'accès principal" wins. */
function synonymPhrases(groups: readonly string[][]): SynonymPhrase[] {
  const folded = groups.map((group) => group.map((phrase) => words(fold(phrase)).join(' ')));
  return folded
    .flatMap((group) => group.map((phrase) => ({ phrase, group })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
}

/** The query as units to match: a known phrase with all its synonyms, or a single word. */
function queryUnits(query: string, phrases: readonly SynonymPhrase[]): Query[] {
  let rest = ` ${words(fold(query)).join(' ')} `;
  const units: Query[] = [];
  for (const { phrase, group } of phrases) {
    if (!rest.includes(` ${phrase} `)) continue;
    rest = rest.replace(` ${phrase} `, ' ');
    units.push({
      combineWith: 'OR',
      queries: group.map((alternative) => ({ combineWith: 'AND', queries: [alternative] })),
    });
  }
  return [...units, ...words(rest)];
}

function indexFor(
  tree: ContentTree,
  language: string,
  settings: LanguageSearchSettings,
): MiniSearch<SearchDocument> {
  const ignored = new Set(settings.ignore.map(fold));
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'profile', 'description', 'text'],
    processTerm: (term) => {
      const folded = fold(term);
      return ignored.has(folded) ? null : folded;
    },
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(
    tree.nodes.map((node) => {
      const text = node.text[language];
      return {
        id: node.id,
        title: text?.title ?? '',
        profile: node.profile?.text[language]?.title ?? '',
        description: text?.description ?? '',
        text: text?.plainText ?? '',
      };
    }),
  );
  return index;
}

/** One index per language, built once at start from the content tree. */
export function createSearch(tree: ContentTree, settings: SearchSettings): SiteSearch {
  const indexes = new Map(
    tree.languages.map((l) => [
      l.code,
      indexFor(tree, l.code, settings[l.code] ?? { ignore: [], synonyms: [] }),
    ]),
  );
  const phrases = new Map(
    tree.languages.map((l) => [l.code, synonymPhrases(settings[l.code]?.synonyms ?? [])]),
  );
  return {
    search(language, query) {
      const index = indexes.get(language);
      const bounded = query.slice(0, MAX_QUERY_LENGTH);
      const units = queryUnits(bounded, phrases.get(language) ?? []);
      if (!index || units.length === 0) return [];
      // The visitor's own words count more than their synonyms.
      const own = new Set(words(fold(bounded)));
      const boostTerm = (term: string) => (own.has(term) ? 1 : 0.6);
      // Every word should match; if nothing does, any word will do.
      let results = index.search({ combineWith: 'AND', queries: units }, { boostTerm });
      if (results.length === 0) {
        results = index.search({ combineWith: 'OR', queries: units }, { boostTerm });
      }
      return results.slice(0, MAX_HITS).flatMap((result) => {
        const node = tree.byId.get(String(result.id));
        const text = node?.text[language];
        if (!node || !text) return [];
        return [
          {
            node,
            path: text.path,
            title: text.heading,
            profileTitle: node.profile?.text[language]?.title,
            snippet: snippetOf(text.plainText, result.terms),
            description: text.description,
          },
        ];
      });
    },
  };
}
