// Characters a visitor cannot mean to send: C0 and C1 controls (newline aside), invisible
// format characters that can hide or reorder text (zero-width, bidirectional overrides), line
// and paragraph separators, the byte-order mark, and halves of broken surrogate pairs.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding them is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What a visitor typed, made safe to store and count: newlines as `\n` (browsers send
 * CRLF), tabs as spaces, invisible characters removed, Unicode in NFC so that « é » typed
 * either way is the same text, spaces trimmed at both ends.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .trim();
}
