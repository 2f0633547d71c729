import { searchWords } from './normalize';

/** Known phrases (synonyms) by their first word, longest first, each with its group. */
export interface PhraseTable {
  byFirstWord: ReadonlyMap<string, readonly { words: readonly string[]; group: number }[]>;
  /** Each group's one-word phrases ("gap", "rae"): their other forms are worth matching too. */
  singleWords: readonly (readonly string[])[];
}

export interface PhraseAt {
  start: number;
  /** In words. */
  length: number;
  group: number;
  /** Part of a longer phrase that was found too. */
  part: boolean;
}

/**
 * The token that stands for a group of synonyms in the index and in queries. Words never hold
 * "~": they are split at symbols.
 */
export const groupToken = (group: number): string => `~${group}`;

export function phraseTable(
  groups: readonly (readonly string[])[],
  ignored: ReadonlySet<string>,
): PhraseTable {
  const byFirstWord = new Map<string, { words: string[]; group: number }[]>();
  const singleWords = groups.map(() => [] as string[]);
  groups.forEach((group, index) => {
    for (const phrase of group) {
      const words = searchWords(phrase, ignored);
      const first = words[0];
      if (first === undefined) continue;
      if (words.length === 1) singleWords[index]?.push(first);
      let list = byFirstWord.get(first);
      if (!list) byFirstWord.set(first, (list = []));
      list.push({ words, group: index });
    }
  });
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, singleWords };
}

/**
 * The known phrases in a run of words, read left to right, the longest first: in "gestionnaire
 * d'accès principal" that is the whole name (the RAE's), never "gestionnaire d'accès" (the
 * Gestionnaire Local's). Queries and pages are read the same way, so they agree.
 */
export function findPhrases(words: readonly string[], table: PhraseTable): PhraseAt[] {
  const found: PhraseAt[] = [];
  for (let start = 0; start < words.length;) {
    const phrase = table.byFirstWord
      .get(words[start] ?? '')
      ?.find((candidate) =>
        candidate.words.every((word, offset) => words[start + offset] === word),
      );
    if (phrase) {
      found.push({ start, length: phrase.words.length, group: phrase.group, part: false });
      start += phrase.words.length;
    } else start += 1;
  }
  return found;
}

/**
 * Every phrase in a run of words, and in a phrase made of two (« co » + « RAE » in
 * « co-RAE »), both its parts too: « co-RAE » is also a « RAE ». A phrase is not split
 * otherwise: « gestionnaire d'accès principal » holds no « gestionnaire d'accès ».
 */
export function findPhrasesAndParts(words: readonly string[], table: PhraseTable): PhraseAt[] {
  const found = findPhrases(words, table);
  const parts: PhraseAt[] = [];
  for (const { start, length } of found) {
    for (let split = 1; split < length; split++) {
      const head = findPhrases(words.slice(start, start + split), table);
      const tail = findPhrases(words.slice(start + split, start + length), table);
      const whole = (list: PhraseAt[], size: number) =>
        list.length === 1 && list[0]?.length === size ? list[0] : undefined;
      const first = whole(head, split);
      const second = whole(tail, length - split);
      if (first && second) {
        parts.push(
          { ...first, start, part: true },
          { ...second, start: start + split, part: true },
        );
        break;
      }
    }
  }
  return [...found, ...parts];
}
