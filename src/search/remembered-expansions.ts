import { LRUCache } from 'lru-cache';
import { expandWord, type Expansion } from './expand';
import type { Vocabulary } from './vocabulary';
import { Work, type SearchLimits } from './work';

/** Words remembered per language, about 1.5 MB at most: the words visitors type again and again. */
const MAX_WORDS = 2048;

interface Remembered {
  expansion: Expansion;
  /** The work it took, typo cells included, from nothing spent. */
  steps: number;
  fuzzy: number;
}

/**
 * Each word's expansion (its forms and typo corrections), looked up once and then remembered:
 * the typo lookup is the costliest step of a search, and the words of queries repeat far more
 * than the queries do.
 *
 * A remembered expansion is used only where looking the word up again would give the same:
 * it was looked up with nothing spent and no budget reached, and what the search has spent so
 * far plus what it took stays below every budget. Each budget is checked as "spent < limit"
 * before each step, so such a lookup passes every check, as the remembered one did. It then
 * counts the same work, so the rest of the search goes as it would have.
 */
export class RememberedExpansions {
  private readonly kept = new LRUCache<string, Remembered>({ max: MAX_WORDS });

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly limits: SearchLimits,
  ) {}

  expand(word: string, work: Work): Expansion {
    const options = { typos: true, limit: this.limits.maxExpansions };
    const remembered = this.kept.get(word) ?? this.lookUp(word, options);
    if (remembered && this.fitsIn(work, remembered)) {
      work.spend(remembered.steps - remembered.fuzzy);
      work.spendFuzzy(remembered.fuzzy);
      return remembered.expansion;
    }
    return expandWord(word, this.vocabulary, work, options);
  }

  /**
   * The word looked up from nothing spent; remembered if no budget stopped it (one that did
   * took a whole budget, so it could never fit in a search: `fitsIn`).
   */
  private lookUp(word: string, options: { typos: boolean; limit: number }): Remembered | undefined {
    const fresh = new Work(this.limits);
    const expansion = expandWord(word, this.vocabulary, fresh, options);
    if (!fresh.fuzzyLeft) return undefined;
    const remembered = { expansion, steps: fresh.steps, fuzzy: fresh.fuzzy };
    this.kept.set(word, remembered);
    return remembered;
  }

  private fitsIn(work: Work, remembered: Remembered): boolean {
    return (
      work.steps + remembered.steps < this.limits.maxSteps &&
      work.fuzzy + remembered.fuzzy < this.limits.fuzzyBudget
    );
  }
}
