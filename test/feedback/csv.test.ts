import { csvField, csvRecord, feedbackRecord, UTF8_BOM } from '../../src/feedback/csv';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain text as it is', 'simple', 'simple'],
    ['a comma inside quotes', 'un, deux', '"un, deux"'],
    ['quotes doubled', 'il a dit "non"', '"il a dit ""non"""'],
    ['a line break inside quotes', 'ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['accents and emoji as UTF-8 text', 'Où ça ? 🙂 €', 'Où ça ? 🙂 €'],
    ['numbers', 42, '42'],
  ])('writes %s', (_, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each(['=1+1', '+32 471', '-2', '@SUM(A1)', '\tx', '=HYPERLINK("http://evil.example","x")'])(
    'never lets a spreadsheet run %j as a formula',
    (value) => {
      const field = csvField(value);
      expect(field.replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('quotes a formula cell with a comma after its apostrophe', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('ends records with CRLF, and exports a feedback row with every field', () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
    expect(
      feedbackRecord({
        id: 7,
        createdAt: new Date('2026-01-02T03:04:05.678Z'),
        pageId: 'home',
        language: 'fr',
        path: '/fr/',
        kind: 'comment',
        trying: '=danger',
        wrong: null,
        redacted: true,
      }),
    ).toBe(`7,2026-01-02T03:04:05.678Z,home,fr,/fr/,comment,'=danger,,yes\r\n`);
  });

  it('starts files with a byte-order mark for spreadsheets', () => {
    expect(Buffer.from(UTF8_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
