import type { Vocabulary } from './vocabulary';
import type { Work } from './work';

/** The known words one word of a query stands for, each with how much a match on it counts. */
export type Expansion = ReadonlyMap<string, number>;

/** Words this short are too alike ("ga", "gap") to take an ending or a typo for them. */
const MIN_PREFIX_LENGTH = 3;
const MIN_TYPO_LENGTH = 4;
/** From this length, two typos are forgiven; below it, one. */
const TWO_TYPOS_LENGTH = 8;

/**
 * The part of a word its other forms share, in any language: the first 70% of its letters,
 * at least four. "enregistrer" reaches "enregistrez" and "enregistrement"; "activeren"
 * reaches "activeert". No stemmer per language: German and English work the same way.
 */
function stemLength(length: number): number {
  return length <= 4 ? length : Math.max(4, Math.ceil(length * 0.7));
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** How much another form of a word counts: more the more of it was typed. */
function formWeight(word: string, form: string): number {
  if (form === word) return 1;
  const shared = commonPrefix(word, form) / Math.max(word.length, form.length);
  // The visitor typed the start of a longer word ("desact" for "desactiver"), or another
  // ending of the same word ("activer" for "activez").
  return form.startsWith(word) ? 0.6 + 0.3 * shared : 0.55 + 0.35 * shared;
}

const TYPO_WEIGHT = [1, 0.8, 0.6] as const;

/**
 * What `word` (folded) may match: itself, its other forms (same start, another ending) and,
 * when the index does not know it and typos are allowed, the known words a typo or two away.
 * At most `limit` words, the best first.
 */
export function expandWord(
  word: string,
  vocabulary: Vocabulary,
  work: Work,
  options: { typos: boolean; limit: number },
): Map<string, number> {
  const found = new Map<string, number>();
  const offer = (form: string, weight: number) => {
    if (weight > (found.get(form) ?? 0)) found.set(form, weight);
  };
  if (vocabulary.has(word)) offer(word, 1);
  if (word.length >= MIN_PREFIX_LENGTH) {
    const stem = word.slice(0, stemLength(word.length));
    for (const form of vocabulary.startingWith(stem, options.limit, work)) {
      offer(form, formWeight(word, form));
    }
  }
  if (options.typos && !vocabulary.has(word) && word.length >= MIN_TYPO_LENGTH) {
    const maxDistance = word.length >= TWO_TYPOS_LENGTH ? 2 : 1;
    for (const { word: near, distance } of vocabulary.near(word, maxDistance, work)) {
      offer(near, TYPO_WEIGHT[distance] ?? 0);
    }
  }
  if (found.size <= options.limit) return found;
  return new Map([...found].sort((a, b) => b[1] - a[1]).slice(0, options.limit));
}

/** The word a typo most likely stands for: the best of its expansion, or itself. */
export function likeliestWord(word: string, expansion: Expansion): string {
  let best = word;
  let bestWeight = expansion.get(word) ?? 0;
  for (const [form, weight] of expansion) {
    if (weight > bestWeight) [best, bestWeight] = [form, weight];
  }
  return best;
}
