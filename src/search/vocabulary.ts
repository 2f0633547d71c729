import type { Work } from './work';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Set where a known word ends. */
  word?: string;
}

export interface NearWord {
  word: string;
  distance: number;
}

/** Every word the index knows in one language, in a trie so typos and endings are cheap to find. */
export interface Vocabulary {
  has(word: string): boolean;
  /** Known words that start with `prefix`, shortest first, at most `limit`. */
  startingWith(prefix: string, limit: number, work: Work): string[];
  /**
   * Known words at most `maxDistance` edits from `word` (an insertion, a deletion, a change or
   * two neighbours swapped) that start with the same letter, while the work's typo budget lasts.
   */
  near(word: string, maxDistance: number, work: Work): NearWord[];
}

const emptyNode = (): TrieNode => ({ children: new Map() });

export function createVocabulary(words: Iterable<string>): Vocabulary {
  const root = emptyNode();
  const known = new Set<string>();
  for (const word of words) {
    if (known.has(word)) continue;
    known.add(word);
    let node = root;
    for (const letter of word) {
      let next = node.children.get(letter);
      if (!next) node.children.set(letter, (next = emptyNode()));
      node = next;
    }
    node.word = word;
  }
  return {
    has: (word) => known.has(word),
    startingWith: (prefix, limit, work) => startingWith(root, prefix, limit, work),
    near: (word, maxDistance, work) => near(root, word, maxDistance, work),
  };
}

function startingWith(root: TrieNode, prefix: string, limit: number, work: Work): string[] {
  let node: TrieNode | undefined = root;
  for (const letter of prefix) {
    work.spend(1);
    node = node.children.get(letter);
    if (!node) return [];
  }
  // Breadth first: the shortest words, closest to what was typed, come first.
  const found: string[] = [];
  const queue: TrieNode[] = [node];
  for (let index = 0; index < queue.length && found.length < limit && !work.exhausted; index++) {
    const current = queue[index] as TrieNode;
    work.spend(1);
    if (current.word !== undefined) found.push(current.word);
    for (const child of current.children.values()) queue.push(child);
  }
  return found;
}

/**
 * Walks the trie with one row of the edit-distance table per letter (Damerau's optimal string
 * alignment), leaving any branch whose row is all above `maxDistance`.
 */
function near(root: TrieNode, word: string, maxDistance: number, work: Work): NearWord[] {
  const letters = [...word];
  const size = letters.length;
  const found: NearWord[] = [];
  const firstRow = Array.from({ length: size + 1 }, (_, j) => j);

  const visit = (
    node: TrieNode,
    letter: string,
    before: string,
    above: number[],
    twoAbove?: number[],
  ) => {
    if (!work.fuzzyLeft) return;
    const row = new Array<number>(size + 1);
    row[0] = (above[0] as number) + 1;
    let smallest = row[0];
    for (let j = 1; j <= size; j++) {
      const cost = letters[j - 1] === letter ? 0 : 1;
      let cell = Math.min(
        (row[j - 1] as number) + 1,
        (above[j] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (twoAbove && j > 1 && letters[j - 1] === before && letters[j - 2] === letter) {
        cell = Math.min(cell, (twoAbove[j - 2] as number) + 1);
      }
      row[j] = cell;
      if (cell < smallest) smallest = cell;
    }
    work.spendFuzzy(size + 1);
    const distance = row[size] as number;
    if (node.word !== undefined && distance <= maxDistance)
      found.push({ word: node.word, distance });
    if (smallest > maxDistance) return;
    for (const [next, child] of node.children) visit(child, next, letter, row, above);
  };

  // A typo in the first letter is rare; looking only under it makes the walk many times
  // shorter (search engines call this a prefix length of one).
  const first = letters[0];
  const start = first === undefined ? undefined : root.children.get(first);
  if (first !== undefined && start) visit(start, first, '', firstRow);
  return found;
}
