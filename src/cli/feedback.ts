/**
 * The editors' command, reading the server's own database (SQLite or PostgreSQL, from the
 * same configuration):
 *
 *   npm run feedback -- report
 *   npm run feedback -- export [--since 2026-01-01] [--path /fr/...] > feedback.csv
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config';
import { EXPORT_HEADER, UTF8_BOM, csvRecord, feedbackRecord } from '../feedback/csv';
import type { ExportFilter } from '../feedback/model';
import { openFeedbackStore } from '../feedback/open-store';
import { formatReport } from '../feedback/report';
import type { FeedbackStore } from '../feedback/store';

const USAGE = `Usage:
  npm run feedback -- report
      yes and no votes per page and language over 7, 30 and 90 days, worst first
  npm run feedback -- export [--since YYYY-MM-DD] [--path /fr/...] > feedback.csv
      every row as CSV (UTF-8 with a BOM); --since keeps rows from that day (UTC) on,
      --path keeps pages whose address starts with it`;

class UsageError extends Error {}

function exportFilter(args: string[]): ExportFilter {
  const { values } = parseArgs({
    args,
    options: { since: { type: 'string' }, path: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const filter: ExportFilter = {};
  if (values.since !== undefined) {
    const since = new Date(`${values.since}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(values.since) ||
      Number.isNaN(since.getTime()) ||
      since.toISOString().slice(0, 10) !== values.since
    ) {
      throw new UsageError(`--since must be a date such as 2026-01-01, not "${values.since}"`);
    }
    filter.since = since;
  }
  if (values.path !== undefined) {
    if (!values.path.startsWith('/')) throw new UsageError(`--path must start with /, as in /fr/`);
    filter.pathPrefix = values.path;
  }
  return filter;
}

/** Writes to stdout, waiting when its buffer is full: an export of any size streams. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function exportCsv(store: FeedbackStore, filter: ExportFilter): Promise<void> {
  await write(UTF8_BOM + csvRecord(EXPORT_HEADER));
  for await (const row of store.export(filter)) await write(feedbackRecord(row));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'report' && command !== 'export') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (command === 'report' && rest.length > 0) throw new UsageError('report takes no option');
  const filter = command === 'export' ? exportFilter(rest) : {};
  const config = readConfig();
  const store = openFeedbackStore(config, () => undefined);
  try {
    const now = new Date();
    if (command === 'report') await write(formatReport(await store.report(now), now));
    else await exportCsv(store, filter);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(
    error instanceof ConfigError
      ? error.message
      : `The feedback database could not be read: ${(error as Error).message}`,
  );
  process.exit(1);
});
