/**
 * `npm run bench:feedback`: how many feedback posts a second one server process records in
 * its SQLite file, with durability on (WAL, synchronous=FULL: a 303 means the row is on disk)
 * and the rate limit off (FEEDBACK_RATE_LIMIT=off, for the benchmark only: one load generator
 * is one client). Every post is a distinct comment, so none is dropped as a duplicate, and
 * the rows are counted afterwards. Exits 1 below the target.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFeedbackStore } from '../src/feedback/open-store';
import { writeResults, type ResultTable } from './results';
import { startServer } from './server-process';
import { BENCH_TARGETS, judge, report, type Verdict } from './targets';

export interface FeedbackBenchResult {
  /** Posts answered 303, per second. */
  perSecond: number;
  p50: number;
  p99: number;
  recorded: number;
  answered303: number;
  errors: number;
}

/** The feedback figures against their targets (in scripts/targets.ts). */
export function judgeFeedback(result: FeedbackBenchResult): Verdict[] {
  return [
    judge(BENCH_TARGETS.feedbackPerSecond, result.perSecond),
    judge(BENCH_TARGETS.feedbackLost, Math.max(0, result.answered303 - result.recorded)),
  ];
}

/** The feedback figures as a table of the results file. */
export function feedbackTable(result: FeedbackBenchResult): ResultTable {
  return {
    heading: 'Feedback posts (SQLite, WAL, synchronous=FULL, rate limit off)',
    columns: [
      { name: 'posts/s answered 303', numeric: true },
      { name: 'p50 ms', numeric: true },
      { name: 'p99 ms', numeric: true },
      { name: 'answered 303', numeric: true },
      { name: 'rows in the database', numeric: true },
      { name: 'errors', numeric: true },
    ],
    rows: [
      [
        result.perSecond.toFixed(0),
        result.p50,
        result.p99,
        result.answered303,
        result.recorded,
        result.errors,
      ],
    ],
  };
}

async function countRows(file: string): Promise<number> {
  const store = openFeedbackStore({ FEEDBACK_DB: file }, () => undefined);
  const ids = new Set<number>();
  for await (const row of store.export({})) ids.add(row.id);
  await store.close();
  return ids.size;
}

/** Starts the built server on a throwaway SQLite file and posts feedback at it for `seconds`. */
export async function benchFeedback(
  options: { seconds?: number; connections?: number } = {},
): Promise<FeedbackBenchResult> {
  const seconds = options.seconds ?? 8;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-feedback-'));
  const file = path.join(dir, 'feedback.db');
  const server = await startServer(['dist/server.js'], {
    env: { NODE_ENV: 'production', FEEDBACK_DB: file, FEEDBACK_RATE_LIMIT: 'off' },
  });
  try {
    let sent = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: options.connections ?? 32,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/feedback',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          setupRequest: (request) => {
            sent += 1;
            const fields = new URLSearchParams({
              page: 'rl-activate-quality',
              lang: 'fr',
              website: '',
              trying: `Trouver qui active la « Qualité » (essai n° ${sent})`,
              wrong: 'Le lien vers le portail mène à une page d’erreur.',
            });
            return { ...request, body: fields.toString() };
          },
        },
      ],
    });
    const answered303 = result['3xx'];
    const recorded = await countRows(file);
    const perSecond = answered303 / seconds;
    return {
      perSecond,
      p50: result.latency.p50,
      p99: result.latency.p99,
      recorded,
      answered303,
      errors: result.errors + result.timeouts + result['4xx'] + result['5xx'],
    };
  } finally {
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  console.log(
    `Feedback posts on SQLite (WAL, synchronous=FULL), rate limit off: ${seconds}s, ${connections} connections, autocannon`,
  );
  const result = await benchFeedback({ seconds, connections });
  console.log(
    `  ${result.perSecond.toFixed(0)} posts/s answered 303, p50 ${result.p50} ms, p99 ${result.p99} ms`,
  );
  console.log(
    `  ${result.answered303} answered 303, ${result.recorded} rows in the database, ${result.errors} errors`,
  );
  const verdicts = judgeFeedback(result);
  const met = report(verdicts);
  await writeResults({
    name: 'bench-feedback',
    command: 'npm run bench:feedback',
    settings: { seconds, connections, tool: 'autocannon' },
    verdicts,
    tables: [feedbackTable(result)],
    figures: result,
  });
  if (!met) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
