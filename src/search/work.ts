/**
 * How much a search may do, whatever the query: these bound the time one search can take.
 * A query comes from anyone, so every costly step is counted and stops at a budget.
 */
export interface SearchLimits {
  /** Words of a query searched; the rest is left out and the visitor told. */
  maxTerms: number;
  /** Edit-distance cells computed in all, looking for the words a typo stands for. */
  fuzzyBudget: number;
  /** Known words one word of the query may stand for (its typo corrections and endings). */
  maxExpansions: number;
  /** Steps in all (see Work): once spent, the search stops looking and ranks what it found. */
  maxSteps: number;
}

/**
 * Counts the work one search does, in steps that each take about the same small time: a node
 * of the vocabulary visited, a cell of an edit-distance table, an occurrence of a word read
 * from the index. Tests bound the steps; a timer would measure the machine, not the code.
 */
export class Work {
  steps = 0;
  /** Edit-distance cells, the costliest kind of step and the one typos multiply. */
  fuzzy = 0;

  constructor(readonly limits: SearchLimits) {}

  /** Whether another typo may still be looked up. */
  get fuzzyLeft(): boolean {
    return this.fuzzy < this.limits.fuzzyBudget && !this.exhausted;
  }

  /** Whether the search must stop looking. */
  get exhausted(): boolean {
    return this.steps >= this.limits.maxSteps;
  }

  spend(steps: number): void {
    this.steps += steps;
  }

  spendFuzzy(cells: number): void {
    this.fuzzy += cells;
    this.steps += cells;
  }
}
