import fc from 'fast-check';
import { expandWord, likeliestWord } from '../../src/search/expand';
import { createVocabulary } from '../../src/search/vocabulary';
import { Work } from '../../src/search/work';
import { optimalStringAlignment } from './edit-distance';

const unbounded = () =>
  new Work({
    maxTerms: Infinity,
    fuzzyBudget: Infinity,
    maxExpansions: Infinity,
    maxSteps: Infinity,
  });

const vocabulary = createVocabulary([
  'enregistrer',
  'enregistrez',
  'enregistrement',
  'enregisseur',
  'desactiver',
  'qualite',
  'qualification',
  'gestionnaire',
  'gap',
  'gaps',
  'role',
  'roles',
  'rose',
]);

const expand = (word: string, options = { typos: true, limit: 12 }) =>
  Object.fromEntries(
    [...expandWord(word, vocabulary, unbounded(), options)].map(([form, weight]) => [
      form,
      Number(weight.toFixed(3)),
    ]),
  );

describe('expandWord: what one word of a query may match', () => {
  it.each<[string, string, Record<string, number>]>([
    // A known word is itself, and its other forms: the same first 70%, another ending, each
    // counting less, and more the more of it was typed.
    [
      'its other forms, the first 70% shared',
      'enregistrer',
      { enregistrer: 1, enregistrez: 0.868, enregistrement: 0.8 },
    ],
    ['the longer words it starts', 'desact', { desactiver: 0.78 }],
    ['a word of three letters: its longer forms', 'gap', { gap: 1, gaps: 0.825 }],
    ['a word of two letters: nothing else', 'ga', {}],
    // Typos: only for a word the index does not know.
    ['a known word: no typo corrections (« rose »)', 'role', { role: 1, roles: 0.84 }],
    ['one typo in a word of four to seven letters', 'qualtie', { qualite: 0.8 }],
    ['two neighbours swapped, one typo', 'qaulite', { qualite: 0.8 }],
    ['two typos in a word of seven letters: too many', 'qaulitt', {}],
    ['two typos in a word of eight letters or more', 'qaulitee', { qualite: 0.6 }],
    ['two typos in a longer word', 'gestonaire', { gestionnaire: 0.6 }],
    ['a word of three letters: no typo', 'rle', {}],
    ['one typo in a word of four', 'rple', { role: 0.8 }],
    ['a typo in the first letter: not looked for', 'kualite', {}],
  ])('%s: "%s" → %j', (_, word, expected) => {
    expect(expand(word)).toEqual(expected);
  });

  it('looks for typos only when asked (synonyms’ forms are never typos)', () => {
    expect(expand('qualtie', { typos: false, limit: 12 })).toEqual({});
    expect(expand('enregistrer', { typos: false, limit: 12 })).toEqual(expand('enregistrer'));
  });

  it('keeps at most `limit` words, the best first', () => {
    expect(expand('enregistrer', { typos: true, limit: 2 })).toEqual({
      enregistrer: 1,
      enregistrez: 0.868,
    });
    expect(expand('enregistrer', { typos: true, limit: 1 })).toEqual({ enregistrer: 1 });
    // Forms and typos together: with one form looked up, « enregistrer », the typo
    // correction « enregistrez » (0.8) is one word too many, and left out.
    expect(expand('enregistrex', { typos: true, limit: 1 })).toEqual({ enregistrer: 0.868 });
  });

  // Letters of one UTF-16 unit: the stem is cut by length.
  const letter = fc.constantFrom('a', 'b', 'c', 'd', 'é');
  const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 });

  it('finds every known word within the distance its length allows, and only forms besides', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, (words, query) => {
        const known = createVocabulary(words);
        const found = expandWord(query, known, unbounded(), { typos: true, limit: Infinity });
        const allowed = known.has(query) || query.length < 4 ? -1 : query.length >= 8 ? 2 : 1;
        const stem = query.slice(
          0,
          query.length <= 4 ? query.length : Math.ceil(query.length * 0.7),
        );
        for (const candidate of new Set(words)) {
          const distance = optimalStringAlignment(candidate, query);
          const typo = candidate[0] === query[0] && distance <= allowed;
          const form = query.length >= 3 && candidate.startsWith(stem);
          expect({ candidate, found: found.has(candidate) }).toEqual({
            candidate,
            found: typo || form || candidate === query,
          });
          if (typo)
            expect(found.get(candidate)).toBeGreaterThanOrEqual([1, 0.8, 0.6][distance] ?? 1);
        }
        for (const weight of found.values()) {
          expect(weight).toBeGreaterThan(0);
          expect(weight).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('likeliestWord: the word a typo most likely stands for', () => {
  it.each<[string, string[], string]>([
    ['gestionaire', ['gestionnaire'], 'gestionnaire'],
    ['qualite', ['qualite', 'qualification'], 'qualite'],
    ['xylofoon', [], 'xylofoon'],
    // The best: an ending of the word itself before a typo of it.
    ['role', ['role', 'roles', 'rose'], 'role'],
  ])('"%s" among %j is "%s"', (word, words, expected) => {
    const expansion = expandWord(word, createVocabulary(words), unbounded(), {
      typos: true,
      limit: 12,
    });
    expect(likeliestWord(word, expansion)).toBe(expected);
  });

  it('keeps the typed word when another counts as much, and gives an unknown word up', () => {
    expect(likeliestWord('rae', new Map([['gap', 1]]))).toBe('gap');
    expect(
      likeliestWord(
        'rae',
        new Map([
          ['rae', 1],
          ['gap', 1],
        ]),
      ),
    ).toBe('rae');
  });
});
