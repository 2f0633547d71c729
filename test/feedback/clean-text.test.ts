import { cleanText } from '../../src/feedback/clean-text';

describe('cleaning what a visitor typed', () => {
  it.each([
    ['CRLF from the browser', 'un\r\ndeux\rtrois', 'un\ndeux\ntrois'],
    ['tabs', 'a\tb', 'a b'],
    ['control characters', 'a\u0000b\u0007c\u001bd\u007fe\u0085f', 'abcdef'],
    ['invisible and reordering characters', 'a\u200bb\u202ec\u2066d\ufeffe\u2028f', 'abcdef'],
    ['half a surrogate pair', 'a\ud83db', 'ab'],
    ['spaces around', '  texte  \n', 'texte'],
  ])('removes or normalizes %s', (_, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('puts Unicode in NFC: « é » typed as e + accent is the same text', () => {
    const decomposed = 'e\u0301te\u0301';
    expect(decomposed).toHaveLength(5);
    expect(cleanText(decomposed)).toBe('été');
    expect(cleanText(decomposed)).toHaveLength(3);
  });

  it('keeps emoji, accents and line breaks', () => {
    expect(cleanText('Où ?\n🙂 Ça va')).toBe('Où ?\n🙂 Ça va');
  });
});
