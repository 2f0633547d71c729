import type { StoredFeedback } from './model';

/** Spreadsheets read a file as UTF-8 when it starts with a byte-order mark. */
export const UTF8_BOM = '\ufeff';

/** A cell a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field of RFC 4180 CSV: quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A text a spreadsheet would take for a formula gets a leading apostrophe, so that
 * it shows as typed and never runs.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 says. */
export function csvRecord(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export const EXPORT_HEADER = [
  'id',
  'created_at',
  'page',
  'language',
  'path',
  'kind',
  'trying',
  'wrong',
  'personal_data_removed',
] as const;

export function feedbackRecord(row: StoredFeedback): string {
  return csvRecord([
    row.id,
    row.createdAt.toISOString(),
    row.pageId,
    row.language,
    row.path,
    row.kind,
    row.trying ?? '',
    row.wrong ?? '',
    row.redacted ? 'yes' : 'no',
  ]);
}
