import { fold, searchWords } from '../../src/search/normalize';

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
