import { stringify, type Options } from 'csv-stringify/sync';
import type { StoredFeedback } from './model';

/** Spreadsheets read a file as UTF-8 when it starts with a byte-order mark. */
export const UTF8_BOM = '\ufeff';

/**
 * RFC 4180 records, written by csv-stringify: a field holding a comma, a quote or a line break
 * is quoted, quotes doubled, each record ended by CRLF. `escape_formulas` gives a leading
 * apostrophe to a text a spreadsheet would run as a formula (OWASP's list: = + - @, tab,
 * carriage return, and their full-width forms), so it shows as typed and never runs; a negative
 * number stays a number.
 */
const RFC_4180: Options = {
  record_delimiter: 'windows',
  // Given a record delimiter, csv-stringify quotes only fields holding that delimiter: a lone
  // line break would then end the record early. Any \n or \r must be quoted.
  quote_record_delimiter: true,
  escape_formulas: true,
};

/** One record, ended by CRLF. */
export function csvRecord(fields: readonly (string | number)[]): string {
  return stringify([fields], RFC_4180);
}

/** One field, as it is written inside a record. */
export function csvField(value: string | number): string {
  return stringify([[value]], { ...RFC_4180, eof: false });
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
