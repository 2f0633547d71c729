import fc from 'fast-check';
import { createVocabulary, type NearWord } from '../../src/search/vocabulary';
import { Work, type SearchLimits } from '../../src/search/work';
import { levenshtein, optimalStringAlignment } from './edit-distance';

const UNBOUNDED: SearchLimits = {
  maxTerms: Infinity,
  fuzzyBudget: Infinity,
  maxExpansions: Infinity,
  maxSteps: Infinity,
};
const unbounded = () => new Work(UNBOUNDED);

const byWord = (found: readonly NearWord[]) =>
  [...found].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));

/** What the trie must find: every known word, one by one, measured the slow way. */
function bruteForceNear(vocabulary: readonly string[], word: string, maxDistance: number) {
  const first = [...word][0];
  return byWord(
    [...new Set(vocabulary)]
      .filter((known) => first !== undefined && [...known][0] === first)
      .map((known) => ({ word: known, distance: optimalStringAlignment(known, word) }))
      .filter(({ distance }) => distance <= maxDistance),
  );
}

/** The nodes of the trie under a word's first letter: what one typo lookup may visit. */
function nodesUnder(vocabulary: readonly string[], first: string): number {
  const prefixes = new Set<string>();
  for (const word of vocabulary) {
    const letters = [...word];
    if (letters[0] !== first) continue;
    for (let length = 1; length <= letters.length; length++) {
      prefixes.add(letters.slice(0, length).join(''));
    }
  }
  return prefixes.size;
}

// A few letters, so that random words often lie a typo or two apart; "é" and "𝔞" (two UTF-16
// units) so that a letter is a code point, not a UTF-16 unit.
const letter = fc.constantFrom('a', 'b', 'c', 'd', 'é', '𝔞');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 9 });
const vocabularies = fc.array(word, { minLength: 1, maxLength: 60 });

const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'change', 'swap'),
  at: fc.nat(),
  letter,
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function edited(original: string, edits: readonly Edit[]): string {
  const letters = [...original];
  for (const { kind, at, letter } of edits) {
    const place = at % (letters.length + 1);
    if (kind === 'insert') letters.splice(place, 0, letter);
    else if (kind === 'delete') letters.splice(place, 1);
    else if (kind === 'change') letters.splice(place, 1, letter);
    else if (place + 1 < letters.length) {
      [letters[place], letters[place + 1]] = [
        letters[place + 1] as string,
        letters[place] as string,
      ];
    }
  }
  return letters.join('');
}

/** A vocabulary, and a query: a random word, or one of the vocabulary's with a few edits. */
const vocabularyAndQuery = vocabularies.chain((words) =>
  fc.record({
    words: fc.constant(words),
    query: fc.oneof(
      word,
      fc
        .tuple(fc.nat(), fc.array(edit, { maxLength: 3 }))
        .map(([pick, edits]) => edited(words[pick % words.length] as string, edits)),
    ),
    maxDistance: fc.integer({ min: 0, max: 2 }),
  }),
);

describe('the vocabulary trie', () => {
  describe('near: the typo lookup', () => {
    it('finds exactly the known words a brute-force edit distance finds, with their distance', () => {
      fc.assert(
        fc.property(vocabularyAndQuery, ({ words, query, maxDistance }) => {
          const vocabulary = createVocabulary(words);
          const found = vocabulary.near(query, maxDistance, unbounded());
          expect(byWord(found)).toEqual(bruteForceNear(words, query, maxDistance));
          // Nothing twice.
          expect(new Set(found.map(({ word }) => word)).size).toBe(found.length);
        }),
        { numRuns: 400 },
      );
    });

    it('finds at least what plain Levenshtein would, since a swap counts as one edit, not two', () => {
      fc.assert(
        fc.property(vocabularyAndQuery, ({ words, query, maxDistance }) => {
          const found = new Set(
            createVocabulary(words)
              .near(query, maxDistance, unbounded())
              .map(({ word }) => word),
          );
          const first = [...query][0];
          const byLevenshtein = words.filter(
            (known) => [...known][0] === first && levenshtein(known, query) <= maxDistance,
          );
          for (const known of byLevenshtein) expect(found).toContain(known);
        }),
        { numRuns: 200 },
      );
    });

    const vocabulary = createVocabulary([
      'gestionnaire',
      'gestion',
      'qualite',
      'qualification',
      'role',
      'roles',
      'rôle',
      'kwaliteit',
    ]);

    it.each<[string, number, NearWord[]]>([
      // One edit of each kind.
      ['qualit', 1, [{ word: 'qualite', distance: 1 }]],
      ['qualitte', 1, [{ word: 'qualite', distance: 1 }]],
      ['qualiee', 1, [{ word: 'qualite', distance: 1 }]],
      ['qualtie', 1, [{ word: 'qualite', distance: 1 }]],
      // Two edits: found when two are allowed, not when one is.
      ['gestionaire', 1, [{ word: 'gestionnaire', distance: 1 }]],
      ['gestonaire', 1, []],
      ['gestonaire', 2, [{ word: 'gestionnaire', distance: 2 }]],
      // Two swaps are two edits.
      ['qaulitee', 1, []],
      // The word itself, at no distance.
      [
        'role',
        1,
        [
          { word: 'role', distance: 0 },
          { word: 'roles', distance: 1 },
          { word: 'rôle', distance: 1 },
        ],
      ],
      // A letter with an accent is another letter: folding happens before, not here.
      ['rôle', 0, [{ word: 'rôle', distance: 0 }]],
      // Only under the typed first letter: « kualite » is one edit from « qualite ».
      ['kualite', 1, []],
      ['', 2, []],
      ['xyz', 2, []],
    ])('near("%s", %i) is %j', (query, maxDistance, expected) => {
      expect(byWord(vocabulary.near(query, maxDistance, unbounded()))).toEqual(expected);
    });

    it('looks only under the first letter: its work is bounded by those nodes, one row each', () => {
      fc.assert(
        fc.property(vocabularyAndQuery, ({ words, query, maxDistance }) => {
          const work = unbounded();
          createVocabulary(words).near(query, maxDistance, work);
          const row = [...query].length + 1;
          const nodes = nodesUnder(words, [...query][0] ?? '');
          expect(work.fuzzy % row).toBe(0);
          expect(work.fuzzy).toBeLessThanOrEqual(nodes * row);
          // Every node it reaches is counted: one row at least, when there is a node to reach.
          expect(work.fuzzy).toBeGreaterThanOrEqual(Math.min(nodes, 1) * row);
          expect(work.steps).toBe(work.fuzzy);
        }),
        { numRuns: 200 },
      );
    });

    it('stops at the typo budget: at most one row past it, and finds what it found so far', () => {
      fc.assert(
        fc.property(
          vocabularyAndQuery,
          fc.integer({ min: 0, max: 300 }),
          ({ words, query, maxDistance }, budget) => {
            const vocabulary = createVocabulary(words);
            const full = unbounded();
            const all = vocabulary.near(query, maxDistance, full);
            const work = new Work({ ...UNBOUNDED, fuzzyBudget: budget });
            const found = vocabulary.near(query, maxDistance, work);
            expect(work.fuzzy).toBeLessThanOrEqual(budget + [...query].length);
            expect(work.fuzzy).toBeLessThanOrEqual(full.fuzzy);
            // The same walk, cut short: a beginning of the unbounded lookup's words.
            expect(found).toEqual(all.slice(0, found.length));
            if (full.fuzzy <= budget) expect(found).toEqual(all);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('stops when the search has spent its steps, whatever they were spent on', () => {
      fc.assert(
        fc.property(
          vocabularyAndQuery,
          fc.integer({ min: 0, max: 300 }),
          fc.integer({ min: 0, max: 300 }),
          ({ words, query, maxDistance }, maxSteps, spentBefore) => {
            const vocabulary = createVocabulary(words);
            const all = vocabulary.near(query, maxDistance, unbounded());
            const work = new Work({ ...UNBOUNDED, maxSteps });
            work.spend(spentBefore);
            const found = vocabulary.near(query, maxDistance, work);
            expect(work.steps).toBeLessThanOrEqual(
              Math.max(spentBefore, maxSteps + [...query].length),
            );
            expect(found).toEqual(all.slice(0, found.length));
            if (spentBefore >= maxSteps) expect(found).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('grows its work with the words under the first letter, not with the others', () => {
      const under = (count: number) =>
        Array.from({ length: count }, (_, index) => `q${index.toString(36)}x${index}`);
      const others = Array.from({ length: 2_000 }, (_, index) => `z${index}qualite`);
      const cost = (words: string[]) => {
        const work = unbounded();
        createVocabulary(words).near('qualite', 2, work);
        return work.fuzzy;
      };
      expect(cost([...under(50), ...others])).toBe(cost(under(50)));
      expect(cost(under(500))).toBeGreaterThan(cost(under(50)));
    });
  });

  describe('startingWith: the other forms of a word', () => {
    const vocabulary = createVocabulary([
      'enregistrement',
      'enregistrer',
      'enregistrez',
      'enregistre',
      'enfant',
      'enregistrer',
    ]);

    it.each<[string, number, string[]]>([
      ['enregistr', 10, ['enregistre', 'enregistrer', 'enregistrez', 'enregistrement']],
      ['enregistr', 2, ['enregistre', 'enregistrer']],
      ['enregistrement', 10, ['enregistrement']],
      ['en', 10, ['enfant', 'enregistre', 'enregistrer', 'enregistrez', 'enregistrement']],
      ['enregistrements', 10, []],
      ['x', 10, []],
    ])('startingWith("%s", %i) is %j, the shortest first', (prefix, limit, expected) => {
      expect(vocabulary.startingWith(prefix, limit, unbounded())).toEqual(expected);
    });

    it('finds the known words that start with a prefix, the shortest first, at most the limit', () => {
      fc.assert(
        fc.property(
          vocabularies,
          fc.string({ unit: letter, maxLength: 3 }),
          fc.integer({ min: 1, max: 20 }),
          (words, prefix, limit) => {
            const found = createVocabulary(words).startingWith(prefix, limit, unbounded());
            const all = [...new Set(words)].filter((known) => known.startsWith(prefix));
            expect(found.length).toBe(Math.min(limit, all.length));
            expect(new Set(found).size).toBe(found.length);
            for (const known of found) expect(all).toContain(known);
            const lengths = found.map((known) => [...known].length);
            expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
            // None left out that is shorter than one kept.
            const longest = lengths.at(-1) ?? 0;
            const shorter = all.filter((known) => [...known].length < longest);
            for (const known of shorter) expect(found).toContain(known);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('stops when the search has spent its steps', () => {
      const work = new Work({ ...UNBOUNDED, maxSteps: 3 });
      expect(vocabulary.startingWith('en', 10, work).length).toBeLessThan(2);
      expect(work.steps).toBeLessThanOrEqual(4);
    });
  });

  it('knows its words, and only them', () => {
    const vocabulary = createVocabulary(['rae', 'gap', 'rae']);
    expect(['rae', 'gap', 'ra', 'raes', ''].map((word) => vocabulary.has(word))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
