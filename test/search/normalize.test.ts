import fc from 'fast-check';
import { fold, queryWords, searchWords, tokens, words } from '../../src/search/normalize';

describe('folding, the same for every language', () => {
  it.each([
    ['Qualité', 'qualite'],
    ['QUALITÉ', 'qualite'],
    ['Größe', 'grosse'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['Ärger über Öl', 'arger uber ol'],
    ['Œuvre', 'oeuvre'],
    ['Ex æquo', 'ex aequo'],
    ['hoedanigheid', 'hoedanigheid'],
  ])('folds %s to %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('splits words at spaces, punctuation and symbols, and leaves out the ignored ones', () => {
    expect(
      searchWords("Gestionnaire d'Accès Principal (GAP) — l’e-mail", new Set(['d', 'l'])),
    ).toEqual(['gestionnaire', 'acces', 'principal', 'gap', 'e', 'mail']);
  });
});

describe('folding and splitting, on any text', () => {
  // Any code point, combining marks and unpaired surrogates included, and ordinary text.
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );

  it('folds once for all: folding a folded text changes nothing, and leaves no mark', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = fold(text);
        expect(fold(folded)).toBe(folded);
        expect(folded).not.toMatch(/\p{M}/u);
      }),
      { numRuns: 2_000 },
    );
  });

  it('folds plain ASCII, which it does faster, as it folds any other text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (text) => {
        expect(fold(text)).toBe(fold(`${text}é`).slice(0, -1));
      }),
      { numRuns: 500 },
    );
  });

  it('finds in the original text the same words it searches: a match can be shown where it is', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = tokens(text);
        expect(found.map(({ folded }) => folded).filter(Boolean)).toEqual(words(fold(text)));
        let end = 0;
        for (const token of found) {
          expect(token.start).toBeGreaterThanOrEqual(end);
          expect(fold(text.slice(token.start, token.end))).toBe(token.folded);
          end = token.end;
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ["l'e-mail", ['l', 'e', 'mail']],
    ['l’accès', ['l', 'accès']],
    ['« GAP » / RAE', ['GAP', 'RAE']],
    ['accès\u00a0principal\nrôle\r\ntâche', ['accès', 'principal', 'rôle', 'tâche']],
    ['rôle→accès+mandat', ['rôle', 'accès', 'mandat']],
    ['e_box 2fa itsme®', ['e', 'box', '2fa', 'itsme']],
    ['', []],
    [' ,;— ', []],
  ])('splits %j into %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('queryWords: whom a task is for', () => {
  const ignored = new Set(['un', 'a', 'à', 'een']);

  it.each<[string, string[], [string, boolean][]]>([
    [
      'attribuer un rôle à un utilisateur',
      ['a'],
      [
        ['attribuer', false],
        ['role', false],
        ['utilisateur', true],
      ],
    ],
    // A `forWhom` word that is not ignored is searched for itself too.
    [
      'give a role to a user',
      ['to'],
      [
        ['give', false],
        ['role', false],
        ['to', false],
        ['user', true],
      ],
    ],
    // Only the word right after it, ignored words aside.
    [
      'rol aan gebruiker beheerder',
      ['aan'],
      [
        ['rol', false],
        ['aan', false],
        ['gebruiker', true],
        ['beheerder', false],
      ],
    ],
    ['RAE à', ['a'], [['rae', false]]],
    ['utilisateur', ['a'], [['utilisateur', false]]],
  ])('in "%s" (forWhom %j)', (query, forWhom, expected) => {
    expect(
      queryWords(query, ignored, new Set(forWhom)).map(({ word, afterForWhom }) => [
        word,
        afterForWhom,
      ]),
    ).toEqual(expected);
  });
});
