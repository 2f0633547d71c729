/**
 * Edit distances the slow, obvious way, to hold the trie's lookup to: the whole table, one
 * word against another, letters as code points (as the trie reads them).
 */

function table(a: readonly string[], b: readonly string[], swaps: boolean): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.length, b.length);
}

/** Insertions, deletions and changes. */
export function levenshtein(a: string, b: string): number {
  return table([...a], [...b], false);
}

/**
 * Damerau's optimal string alignment: Levenshtein, and two neighbours swapped count as one
 * edit (no letter edited twice), which is what the search promises for typos.
 */
export function optimalStringAlignment(a: string, b: string): number {
  return table([...a], [...b], true);
}
