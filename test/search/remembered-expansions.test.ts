import fc from 'fast-check';
import { expandWord } from '../../src/search/expand';
import { RememberedExpansions } from '../../src/search/remembered-expansions';
import { createVocabulary } from '../../src/search/vocabulary';
import { Work, type SearchLimits } from '../../src/search/work';

/**
 * Remembering a word's expansion must change nothing a search finds: whatever was spent before
 * it, the remembered answer and the work it counts are those of looking the word up again.
 */
describe('a remembered expansion is the one a lookup would give, with the same work counted', () => {
  const letter = fc.constantFrom('a', 'b', 'c', 'd', 'é');
  const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 });
  // Small budgets, so that lookups reach them: the case where remembering could go wrong.
  const limits = fc.record({
    maxTerms: fc.constant(20),
    fuzzyBudget: fc.integer({ min: 0, max: 400 }),
    maxExpansions: fc.integer({ min: 1, max: 12 }),
    maxSteps: fc.integer({ min: 1, max: 600 }),
  });
  /** Work already spent by the words before, as a search would have. */
  const spentBefore = fc.record({
    steps: fc.integer({ min: 0, max: 600 }),
    fuzzy: fc.integer({ min: 0, max: 400 }),
  });

  const workFrom = (searchLimits: SearchLimits, spent: { steps: number; fuzzy: number }) => {
    const work = new Work(searchLimits);
    const fuzzy = Math.min(spent.fuzzy, spent.steps);
    work.spendFuzzy(fuzzy);
    work.spend(spent.steps - fuzzy);
    return work;
  };

  it('for any vocabulary, budget and work spent before, asked once or again', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 60 }),
        limits,
        fc.array(fc.tuple(word, spentBefore), { minLength: 1, maxLength: 12 }),
        (known, searchLimits, asks) => {
          const vocabulary = createVocabulary(known);
          const remembered = new RememberedExpansions(vocabulary, searchLimits);
          for (const [asked, spent] of asks) {
            const direct = workFrom(searchLimits, spent);
            const viaMemory = workFrom(searchLimits, spent);
            const expected = expandWord(asked, vocabulary, direct, {
              typos: true,
              limit: searchLimits.maxExpansions,
            });
            expect([...remembered.expand(asked, viaMemory)]).toEqual([...expected]);
            expect([viaMemory.steps, viaMemory.fuzzy]).toEqual([direct.steps, direct.fuzzy]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
