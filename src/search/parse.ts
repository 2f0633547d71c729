import { expandWord, likeliestWord, type Expansion } from './expand';
import type { LanguageIndex } from './index';
import { queryWords } from './normalize';
import { findPhrases, groupToken } from './phrases';
import type { Work } from './work';

/** A part of the query to find: one word with its other forms, or a known phrase's group. */
export interface QueryUnit {
  /** The index tokens it matches, each with how much a match counts. */
  tokens: Expansion;
  /**
   * A profile named after "to", "for" (search.yaml's `forWhom`): whom the task is for, so not
   * looked for among the names of who asks.
   */
  forWhom: boolean;
}

/** A word's forms and typo corrections, the work counted against `work`. */
export type ExpandWord = (word: string, work: Work) => Expansion;

export interface ParsedQuery {
  units: QueryUnit[];
  /** More words than the limit were given; only the first were searched. */
  shortened: boolean;
}

/**
 * The query as units to find: ignored words left out, at most `maxTerms` words, each word
 * with its other forms and typo corrections, and known phrases ("gestionnaire d'accès
 * principal", "GAP") as their synonym group, recognised in the words as probably meant:
 * "gestionaire local" is "gestionnaire local".
 */
export function parseQuery(
  query: string,
  index: LanguageIndex,
  work: Work,
  expand: ExpandWord = (word, spent) =>
    expandWord(word, index.vocabulary, spent, { typos: true, limit: spent.limits.maxExpansions }),
): ParsedQuery {
  const { limits } = work;
  const all = queryWords(query, index.ignored, index.forWhom);
  const words = all.slice(0, limits.maxTerms).map(({ word }) => word);
  const forWhom = all.map(({ afterForWhom }) => afterForWhom);
  const expansions = words.map((word) =>
    work.exhausted ? new Map<string, number>() : expand(word, work),
  );
  const meant = words.map((word, position) =>
    likeliestWord(word, expansions[position] ?? new Map()),
  );
  const phrases = findPhrases(meant, index.phrases);
  const units: QueryUnit[] = [];
  for (let position = 0; position < words.length;) {
    const phrase = phrases.find(({ start }) => start === position);
    if (phrase) {
      // A phrase of several words matches only as a whole; a word also by its other forms.
      const tokens = new Map(phrase.length === 1 ? index.synonymForms[phrase.group] : []);
      if (phrase.length === 1) {
        for (const [form, weight] of expansions[position] ?? []) {
          tokens.set(form, Math.max(tokens.get(form) ?? 0, weight));
        }
      }
      tokens.set(groupToken(phrase.group), 1);
      units.push({ tokens, forWhom: forWhom[position] ?? false });
      position += phrase.length;
    } else {
      units.push({
        tokens: expansions[position] ?? new Map(),
        forWhom: forWhom[position] ?? false,
      });
      position += 1;
    }
  }
  return { units, shortened: all.length > words.length };
}
