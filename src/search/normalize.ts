/**
 * Letters that NFD does not take apart but a searcher types without: German ß, and the
 * ligatures æ and œ. Any language's text goes through the same folding: nothing here is
 * chosen per language.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe' };

/** Folds case and accents: "Qualité" and "qualite", "Größe" and "grosse" are the same word. */
export function fold(text: string): string {
  // Most words are plain ASCII, with nothing to take apart.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœ]/g, (letter) => SPELLED_OUT[letter] ?? letter);
}

/** Words as search sees them: split on spaces and punctuation. */
export function words(text: string): string[] {
  return text.split(/[\n\r\p{Z}\p{P}\p{S}]+/u).filter(Boolean);
}

/** A word of a text: where it starts and ends in the text, and its folded form. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

/** The words of `text` with their place in it, so a match can be shown in the original. */
export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[^\n\r\p{Z}\p{P}\p{S}]+/gu)) {
    found.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) });
  }
  return found;
}

/** The searchable words of a text: folded, without the words search ignores. */
export function searchWords(text: string, ignored: ReadonlySet<string>): string[] {
  return words(fold(text)).filter((word) => !ignored.has(word));
}

/**
 * A query's searchable words, each with whether one of the `forWhom` words comes right before
 * it, ignored words aside: in "assign a role to an employee", "employee".
 */
export function queryWords(
  text: string,
  ignored: ReadonlySet<string>,
  forWhom: ReadonlySet<string>,
): { word: string; afterForWhom: boolean }[] {
  const found: { word: string; afterForWhom: boolean }[] = [];
  let pending = false;
  for (const word of words(fold(text))) {
    if (!ignored.has(word)) {
      found.push({ word, afterForWhom: pending });
      pending = false;
    }
    // Most are ignored words too; one that is not is still searched for itself.
    if (forWhom.has(word)) pending = true;
  }
  return found;
}
