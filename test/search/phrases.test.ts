import fc from 'fast-check';
import { buildIndex, type SearchDocument } from '../../src/search/index';
import { searchWords } from '../../src/search/normalize';
import { parseQuery } from '../../src/search/parse';
import {
  findPhrases,
  findPhrasesAndParts,
  groupToken,
  phraseTable,
} from '../../src/search/phrases';
import { Work } from '../../src/search/work';

const unbounded = () =>
  new Work({ maxTerms: 20, fuzzyBudget: Infinity, maxExpansions: 12, maxSteps: Infinity });

const ignored = new Set(['d', 'l', 'le', 'et']);

// As in content/search.yaml, and on purpose in the wrong order: the shorter name first.
const GL = 0;
const RAE = 1;
const CO = 2;
const CO_RAE = 3;
const groups = [
  ["gestionnaire d'accès", 'gestionnaire local', 'ga'],
  ["gestionnaire d'accès principal", 'rae', 'gap', 'responsable accès entité'],
  ['co', 'deuxième'],
  ['co-rae', 'co-gap'],
];
const table = phraseTable(groups, ignored);

/** The phrases of a text, as [its words, its group, a part of a longer one]. */
function phrasesIn(text: string, find = findPhrasesAndParts) {
  const words = searchWords(text, ignored);
  return find(words, table).map(({ start, length, group, part }) => [
    words.slice(start, start + length).join(' '),
    group,
    part,
  ]);
}

describe('synonym phrases', () => {
  it.each<[string, string, (string | number | boolean)[][]]>([
    [
      'the longest first',
      "Gestionnaire d'Accès Principal",
      [['gestionnaire acces principal', RAE, false]],
    ],
    ['the shorter one alone', "gestionnaire d'accès", [['gestionnaire acces', GL, false]]],
    [
      'left to right, each once',
      "le gestionnaire d'accès principal et le gestionnaire d'accès",
      [
        ['gestionnaire acces principal', RAE, false],
        ['gestionnaire acces', GL, false],
      ],
    ],
    [
      'side by side',
      "gestionnaire local gestionnaire d'accès principal",
      [
        ['gestionnaire local', GL, false],
        ['gestionnaire acces principal', RAE, false],
      ],
    ],
    [
      'ignored words left out of phrases, as of texts',
      'Gestionnaire l’accès',
      [['gestionnaire acces', GL, false]],
    ],
    ['a one-word phrase', 'le GAP', [['gap', RAE, false]]],
    [
      'a phrase with accents, folded',
      'Responsable Accès Entité',
      [['responsable acces entite', RAE, false]],
    ],
    [
      'a phrase made of two: also each of them, as parts',
      'un co-RAE',
      [
        ['co rae', CO_RAE, false],
        ['co', CO, true],
        ['rae', RAE, true],
      ],
    ],
    [
      'a phrase not made of two: never split',
      "gestionnaire d'accès principal",
      [['gestionnaire acces principal', RAE, false]],
    ],
    ['a phrase cut short: none', 'responsable accès', []],
    ['no phrase', 'activer une qualité', []],
  ])('%s: %j', (_, text, expected) => {
    expect(phrasesIn(text)).toEqual(expected);
  });

  it('lists each group’s one-word phrases, whose other forms are worth matching', () => {
    expect(table.singleWords).toEqual([['ga'], ['rae', 'gap'], ['co', 'deuxieme'], []]);
  });

  it('leaves out a phrase made only of ignored words', () => {
    expect([...phraseTable([['le', 'rae']], ignored).byFirstWord.keys()]).toEqual(['rae']);
  });

  // Random phrases over a few words, so that they often start alike and overlap.
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'd');
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
  const randomGroups = fc.array(fc.array(phrase, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  });
  const text = fc.array(word, { maxLength: 20 }).map((words) => words.join(' '));

  it('reads a text left to right, the longest phrase known at each place, none skipped', () => {
    fc.assert(
      fc.property(randomGroups, text, (groups, text) => {
        const table = phraseTable(groups, ignored);
        const words = searchWords(text, ignored);
        const known = groups.flatMap((group) =>
          group.map((phrase) => searchWords(phrase, ignored)).filter((words) => words.length > 0),
        );
        const startsAt = (at: number) =>
          known.filter((phrase) => phrase.every((word, offset) => words[at + offset] === word));
        const found = findPhrases(words, table);
        let next = 0;
        for (const { start, length, group, part } of found) {
          // One after the other, and nothing known starts at a word passed over.
          expect(start).toBeGreaterThanOrEqual(next);
          for (let at = next; at < start; at++) expect(startsAt(at)).toEqual([]);
          const longest = Math.max(...startsAt(start).map((phrase) => phrase.length));
          expect(length).toBe(longest);
          expect(part).toBe(false);
          const phraseWords = words.slice(start, start + length);
          expect(groups[group]?.map((p) => searchWords(p, ignored).join(' '))).toContain(
            phraseWords.join(' '),
          );
          next = start + length;
        }
        for (let at = next; at < words.length; at++) expect(startsAt(at)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a page and a query alike: the same phrases, in the same order', () => {
    fc.assert(
      fc.property(randomGroups, text, (groups, text) => {
        const table = phraseTable(groups, ignored);
        const document: SearchDocument = {
          id: 'page',
          kind: 'page',
          fields: { title: '', names: '', description: text, question: '', text: '' },
        };
        const index = buildIndex(
          [document],
          { ignored, forWhom: new Set() },
          table,
          groups.flat().flatMap((phrase) => searchWords(phrase, ignored)),
        );
        const inPage = [...index.occurrences]
          .flatMap(([token, occurrences]) =>
            occurrences.filter(({ part }) => !part).map(({ position }) => ({ token, position })),
          )
          .filter(({ token }) => token.startsWith('~'))
          .sort((a, b) => a.position - b.position)
          .map(({ token }) => token);
        const inQuery = parseQuery(text, index, unbounded()).units.flatMap(({ tokens }) =>
          [...tokens.keys()].filter((token) => token.startsWith('~')),
        );
        expect(inQuery).toEqual(inPage);
      }),
      { numRuns: 500 },
    );
  });

  describe('in a query and an index', () => {
    const documents: SearchDocument[] = [
      ["Désigner un Gestionnaire d'Accès Principal", 'rae'],
      ["Désigner un Gestionnaire d'Accès", 'gl'],
      ['Désigner un co-RAE', 'co-rae'],
    ].map(([title, id]) => ({
      id: id as string,
      kind: 'task',
      fields: { title: title as string, names: '', description: '', question: '', text: '' },
    }));
    const index = buildIndex(
      documents,
      { ignored, forWhom: new Set() },
      table,
      groups.flat().flatMap((phrase) => searchWords(phrase, ignored)),
    );
    const tokensOf = (query: string) =>
      parseQuery(query, index, unbounded()).units.map(({ tokens }) =>
        [...tokens.keys()].filter((token) => token.startsWith('~')),
      );
    const pagesWith = (token: string) =>
      (index.occurrences.get(token) ?? []).map(({ document, part }) =>
        part ? `${documents[document]?.id} (part)` : documents[document]?.id,
      );

    it.each<[string, string[][]]>([
      ['GAP', [[groupToken(RAE)]]],
      ["gestionnaire d'accès principal", [[groupToken(RAE)]]],
      ["gestionnaire d'accès", [[groupToken(GL)]]],
      ['gestionaire local', [[groupToken(GL)]]],
      ['deuxième rae', [[groupToken(CO)], [groupToken(RAE)]]],
      ['co-gap', [[groupToken(CO_RAE)]]],
      ['désigner', [[]]],
    ])('reads "%s" as the groups %j', (query, expected) => {
      expect(tokensOf(query)).toEqual(expected);
    });

    it.each<[number, (string | undefined)[]]>([
      [RAE, ['rae', 'co-rae (part)']],
      [GL, ['gl']],
      [CO_RAE, ['co-rae']],
    ])('finds the group %i in the pages %j', (group, expected) => {
      expect(pagesWith(groupToken(group))).toEqual(expected);
    });
  });
});
