/**
 * The targets `npm run bench` and `npm run soak` enforce, in one place. A run that misses one
 * names it and exits 1. Each can be overridden by its environment variable: to try a stricter
 * target, or to see a run fail (`BENCH_TARGET_PAGE_RATIO=5 npm run bench`).
 */

export interface Target {
  /** What is measured, for the report: "page rate, site / bare, uncompressed". */
  what: string;
  /** The environment variable that overrides the limit. */
  variable: string;
  limit: number;
  /** `min`: the figure must be at least the limit; `max`: at most. */
  kind: 'min' | 'max';
}

function target(what: string, variable: string, fallback: number, kind: Target['kind']): Target {
  const raw = process.env[variable];
  const limit = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(limit)) throw new Error(`${variable}=${raw} is not a number`);
  return { what, variable, limit, kind };
}

export const BENCH_TARGETS = {
  /** The product target: a page served at no less than 0.9 of a bare node:http server's rate. */
  pageRatio: target(
    'page rate, site / bare node:http, uncompressed',
    'BENCH_TARGET_PAGE_RATIO',
    0.9,
    'min',
  ),
  /** Asking for brotli costs the site nothing it did not already pay at start. */
  brRatio: target(
    'page rate, site with br, gzip / bare node:http uncompressed',
    'BENCH_TARGET_BR_RATIO',
    0.9,
    'min',
  ),
  startMs: target('process start to first 200, ms', 'BENCH_TARGET_START_MS', 1500, 'max'),
  errors: target(
    'errors (socket errors, timeouts, non-2xx), both servers',
    'BENCH_TARGET_ERRORS',
    0,
    'max',
  ),
  /** Searches never asked before: each one searched, rendered and compressed. */
  searchNewRatio: target(
    'search rate, never-repeated queries / page rate, both with br, gzip',
    'BENCH_TARGET_SEARCH_NEW_RATIO',
    0.05,
    'min',
  ),
  /** One query asked again and again: bytes from the cache of finished pages. */
  searchRepeatedRatio: target(
    'search rate, one repeated query / page rate, both with br, gzip',
    'BENCH_TARGET_SEARCH_REPEATED_RATIO',
    0.5,
    'min',
  ),
  searchP99Ms: target(
    'search p99 latency at the bench connections (32), ms, worst scenario',
    'BENCH_TARGET_SEARCH_P99_MS',
    20,
    'max',
  ),
  /** Feedback on one process's SQLite file, durable: a 303 means the row is on disk. */
  feedbackPerSecond: target(
    'feedback posts answered 303 a second (SQLite, synchronous=FULL, rate limit off)',
    'BENCH_TARGET_FEEDBACK_PER_SECOND',
    1000,
    'min',
  ),
  feedbackLost: target(
    'feedback posts answered 303 but missing from the database',
    'BENCH_TARGET_FEEDBACK_LOST',
    0,
    'max',
  ),
};

export const SOAK_TARGETS = {
  /**
   * What the server holds at the end of the run, started as the image starts it: room for it in
   * a container of 256 MB.
   */
  rssMb: target('resident memory (RSS) at the end, MB', 'SOAK_MAX_RSS_MB', 200, 'max'),
  /** Resident memory after the run against after the warm-up: 0.2 is 20% more. */
  memoryGrowth: target('memory growth after warm-up', 'SOAK_MAX_GROWTH', 0.2, 'max'),
  unintended: target(
    'responses whose status is not the one their kind of request expects',
    'SOAK_MAX_UNINTENDED',
    0,
    'max',
  ),
  errors: target('connection errors and timeouts', 'SOAK_MAX_ERRORS', 0, 'max'),
};

export interface Verdict {
  target: Target;
  value: number;
  met: boolean;
}

export function judge(target: Target, value: number): Verdict {
  const met = target.kind === 'min' ? value >= target.limit : value <= target.limit;
  return { target, value, met };
}

/** Prints each target with its figure; returns whether every one was met. */
export function report(verdicts: readonly Verdict[]): boolean {
  console.log('\nTargets:');
  for (const { target, value, met } of verdicts) {
    const sign = target.kind === 'min' ? '≥' : '≤';
    console.log(
      `  ${met ? 'met   ' : 'MISSED'} ${target.what}: ${Number.isInteger(value) ? value : value.toFixed(2)} (target ${sign} ${target.limit}, ${target.variable})`,
    );
  }
  const missed = verdicts.filter((verdict) => !verdict.met);
  if (missed.length > 0) {
    console.error(`\nMissed: ${missed.map(({ target }) => target.what).join('; ')}`);
  }
  return missed.length === 0;
}
