/** Folds case and accents: "Qualité" and "qualite" are the same word to a searcher. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Folds `text` one character at a time, remembering where each folded character came from,
 * so a match found in the folded text can be shown in the original.
 */
export function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const piece = fold(text[index] ?? '');
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push(index);
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Words as minisearch's default tokenizer sees them: split on spaces and punctuation. */
export function words(text: string): string[] {
  return text.split(/[\n\r\p{Z}\p{P}]+/u).filter(Boolean);
}
