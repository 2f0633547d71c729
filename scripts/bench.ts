/**
 * `npm run bench`: the site against a bare node:http server sending the very same bytes and
 * headers, one process each, driven alike and in alternating rounds; in the same rounds, two
 * search scenarios on the site: never-repeated queries (made from test/search/queries.yaml with
 * their words turned around and typos), and one query asked again and again. Prints requests/s,
 * latency and the ratios, then checks them against the targets in ./targets.ts and exits 1,
 * naming each target missed. Compare the two servers within one run: this machine is shared
 * and noisy, and absolute figures move from run to run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  benchFeedback,
  feedbackTable,
  judgeFeedback,
  type FeedbackBenchResult,
} from './bench-feedback';
import { neverRepeatedSearches, repeatedSearch } from './search-traffic';
import { writeResults, type ResultTable } from './results';
import { IMAGE_ENV, startServer } from './server-process';
import { BENCH_TARGETS, judge, report } from './targets';

const PAGE = process.env.BENCH_PATH ?? '/fr/representant-legal/activer-une-qualite/';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Never-repeated searches made for the run; the bench says so if the rounds need more. */
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200_000);
const TOOL =
  process.env.BENCH_TOOL ?? (spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk');

/** What a scenario asks for: one path again and again, or a list of paths, each once. */
type Traffic = { path: string } | { paths: PathList };

/** Never-repeated paths, shared by the rounds: each round goes on where the last one ended. */
interface PathList {
  file: string;
  all: string[];
  next: number;
}

interface Result {
  /** Requests completed. */
  requests: number;
  rps: number;
  cpuUsPerRequest?: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function fetchVariant(port: number, encoding: string) {
  const response = await fetch(`http://127.0.0.1:${port}${PAGE}`, {
    headers: { 'accept-encoding': encoding },
  });
  const headers: string[] = [];
  response.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
      headers.push(name, value);
  });
  // fetch decodes bodies; ask node:http for the bytes as sent.
  const body = await rawBody(port, encoding);
  return { status: response.status, headers, body: body.toString('base64') };
}

async function rawBody(port: number, encoding: string): Promise<Buffer> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(
      { host: '127.0.0.1', port, path: PAGE, headers: { 'accept-encoding': encoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      },
    ).on('error', reject);
  });
}

/** Hands each request of wrk the next path of a list, from BENCH_PATHS at BENCH_OFFSET. */
const WRK_PATH_LIST = `
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local at = tonumber(os.getenv("BENCH_OFFSET"))
request = function()
  at = at + 1
  return wrk.format("GET", paths[(at - 1) % #paths + 1])
end
`;

function runWrk(port: number, encoding: string, traffic: Traffic): Result {
  const args = [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    '--latency',
    `-H`,
    `Accept-Encoding: ${encoding}`,
  ];
  const env = { ...process.env };
  if ('paths' in traffic) {
    const script = path.join(path.dirname(traffic.paths.file), 'paths.lua');
    writeFileSync(script, WRK_PATH_LIST);
    args.push('-s', script);
    Object.assign(env, {
      BENCH_PATHS: traffic.paths.file,
      BENCH_OFFSET: String(traffic.paths.next),
    });
  }
  const target = 'path' in traffic ? traffic.path : '/';
  const out = spawnSync('wrk', [...args, `http://127.0.0.1:${port}${target}`], {
    encoding: 'utf8',
    env,
  }).stdout;
  const ms = (value: string | undefined) => {
    const [, number = '0', unit = 'ms'] = /([\d.]+)(us|ms|s)/.exec(value ?? '') ?? [];
    return Number(number) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  // Requests still in flight at the end were sent too: never send their paths again.
  if ('paths' in traffic) traffic.paths.next += requests + CONNECTIONS;
  return {
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

async function runAutocannon(port: number, encoding: string, traffic: Traffic): Promise<Result> {
  const list = 'paths' in traffic ? traffic.paths : undefined;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${'path' in traffic ? traffic.path : '/'}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'accept-encoding': encoding },
    requests: list
      ? [
          {
            setupRequest: (request) => ({
              ...request,
              path: list.all[list.next++ % list.all.length] ?? '/',
            }),
          },
        ]
      : undefined,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const drive = (port: number, encoding: string, traffic: Traffic = { path: PAGE }) =>
  TOOL === 'wrk'
    ? Promise.resolve(runWrk(port, encoding, traffic))
    : runAutocannon(port, encoding, traffic);

/** CPU time a process has used so far (user + system), in ms, from Linux's /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Summary = Record<
  string,
  { rps: number; p50: number; p99: number; cpuUsPerRequest: number; errors: number }
>;

const SCENARIO_COLUMNS: ResultTable['columns'] = [
  { name: 'scenario' },
  { name: 'req/s', numeric: true },
  { name: 'p50 ms', numeric: true },
  { name: 'p99 ms', numeric: true },
  { name: 'server CPU µs/request', numeric: true },
  { name: 'errors', numeric: true },
];

/** The run's figures as the Markdown file shows them: the medians, each round, feedback. */
function benchTables(
  rounds: Record<string, Result[]>,
  summary: Summary,
  feedback: FeedbackBenchResult,
): ResultTable[] {
  return [
    {
      heading: 'Median of rounds',
      columns: SCENARIO_COLUMNS,
      rows: Object.entries(summary).map(([key, { rps, p50, p99, cpuUsPerRequest, errors }]) => [
        key,
        rps.toFixed(0),
        p50.toFixed(2),
        p99.toFixed(2),
        cpuUsPerRequest.toFixed(1),
        errors,
      ]),
    },
    {
      heading: 'Each round',
      columns: [{ name: 'round', numeric: true }, ...SCENARIO_COLUMNS],
      rows: Object.entries(rounds).flatMap(([key, results]) =>
        results.map((result, index) => [
          index + 1,
          key,
          result.rps.toFixed(0),
          result.p50.toFixed(2),
          result.p99.toFixed(2),
          (result.cpuUsPerRequest ?? 0).toFixed(1),
          result.errors + result.non2xx,
        ]),
      ),
    },
    feedbackTable(feedback),
  ];
}

async function main() {
  const site = await startServer(['dist/server.js'], {
    // Pages only: the feedback scenario below has its own database. As the image runs it; the
    // bare server keeps Node's defaults, so the ratios include what the image's settings cost.
    env: { ...IMAGE_ENV, NODE_ENV: 'production', FEEDBACK_DB: ':memory:' },
    readyPath: PAGE,
  });
  const recorded = {
    status: 200,
    variants: {
      identity: await fetchVariant(site.port, 'identity'),
      br: await fetchVariant(site.port, 'br, gzip'),
    },
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'page.json');
  writeFileSync(file, JSON.stringify(recorded));
  const bare = await startServer(['--import', 'tsx', 'scripts/bare-server.ts', file]);

  console.log(`Site: process start to first 200 on ${PAGE}: ${site.startMs.toFixed(0)} ms`);
  console.log(
    `${PAGE} — ${ROUNDS} alternating rounds of ${SECONDS}s, ${CONNECTIONS} connections, driven by ${TOOL}`,
  );
  // Enough never-repeated searches for every round at a rate well above the target's.
  const searches = neverRepeatedSearches(SEARCHES);
  const pathsFile = path.join(path.dirname(file), 'searches.txt');
  writeFileSync(pathsFile, `${searches.join('\n')}\n`);
  const searchList: PathList = { file: pathsFile, all: searches, next: 0 };
  const repeated = repeatedSearch();
  console.log(
    `Search: ${searches.length} never-repeated queries from test/search/queries.yaml (words turned around, typos), and ${decodeURIComponent(repeated)} again and again`,
  );
  const table: Record<string, Result[]> = {};
  const record = (
    key: string,
    round: number,
    result: Result,
    cpuBefore: number,
    pid: number,
  ): void => {
    // When the load generator is the limit, both servers reach the same rate; the CPU each
    // spent per request still tells them apart.
    result.cpuUsPerRequest = ((cpuMs(pid) - cpuBefore) * 1000) / (result.rps * SECONDS);
    (table[key] ??= []).push(result);
    console.log(
      `  round ${round} ${key.padEnd(32)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  CPU ${result.cpuUsPerRequest.toFixed(1)} µs/req  errors ${result.errors + result.non2xx}`,
    );
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [encoding, label] of [
      ['identity', 'plain'],
      ['br, gzip', 'br, gzip'],
    ] as const) {
      for (const [name, server] of [
        ['site', site],
        ['bare node:http', bare],
      ] as const) {
        const pid = server.child.pid ?? 0;
        const cpuBefore = cpuMs(pid);
        record(`${name} (${label})`, round, await drive(server.port, encoding), cpuBefore, pid);
      }
    }
    for (const [key, traffic] of [
      ['search, never repeated (br, gzip)', { paths: searchList }],
      ['search, repeated (br, gzip)', { path: repeated }],
    ] as const) {
      const pid = site.child.pid ?? 0;
      const cpuBefore = cpuMs(pid);
      record(key, round, await drive(site.port, 'br, gzip', traffic), cpuBefore, pid);
    }
  }
  if (searchList.next > searches.length) {
    console.error(
      `\nOnly ${searches.length} different searches for ${searchList.next} requests: raise BENCH_SEARCHES`,
    );
  }

  const summary: Summary = Object.fromEntries(
    Object.entries(table).map(([key, results]) => [
      key,
      {
        rps: median(results.map((r) => r.rps)),
        p50: median(results.map((r) => r.p50)),
        p99: median(results.map((r) => r.p99)),
        cpuUsPerRequest: median(results.map((r) => r.cpuUsPerRequest ?? 0)),
        errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
      },
    ]),
  );
  console.log('\nMedian of rounds:');
  console.table(summary);
  const rps = (key: string) => summary[key]?.rps ?? 0;
  const plainRatio = rps('site (plain)') / rps('bare node:http (plain)');
  const brRatio = rps('site (br, gzip)') / rps('bare node:http (plain)');
  console.log(`site / bare, uncompressed:            ${plainRatio.toFixed(2)}`);
  console.log(`site with br,gzip / bare uncompressed: ${brRatio.toFixed(2)}`);
  console.log(
    `site with br,gzip / site uncompressed: ${(rps('site (br, gzip)') / rps('site (plain)')).toFixed(2)}`,
  );
  console.log(
    `site with br,gzip / bare with br:      ${(rps('site (br, gzip)') / rps('bare node:http (br, gzip)')).toFixed(2)}`,
  );

  const newRatio = rps('search, never repeated (br, gzip)') / rps('site (br, gzip)');
  const repeatedRatio = rps('search, repeated (br, gzip)') / rps('site (br, gzip)');
  console.log(`search never repeated / page, br,gzip: ${newRatio.toFixed(3)}`);
  console.log(`search repeated / page, br,gzip:       ${repeatedRatio.toFixed(3)}`);
  const searchP99 = Math.max(
    summary['search, never repeated (br, gzip)']?.p99 ?? Infinity,
    summary['search, repeated (br, gzip)']?.p99 ?? Infinity,
  );

  for (const child of [site.child, bare.child]) child.kill('SIGTERM');

  console.log(
    `\nFeedback posts on SQLite (WAL, synchronous=FULL), rate limit off: ${SECONDS}s, ${CONNECTIONS} connections, autocannon`,
  );
  const feedback = await benchFeedback({ seconds: SECONDS, connections: CONNECTIONS });
  console.log(
    `  ${feedback.perSecond.toFixed(0)} posts/s answered 303, p50 ${feedback.p50} ms, p99 ${feedback.p99} ms; ${feedback.answered303} answered 303, ${feedback.recorded} rows in the database`,
  );

  const errors = Object.values(summary).reduce((sum, { errors }) => sum + errors, 0);
  const verdicts = [
    judge(BENCH_TARGETS.pageRatio, plainRatio),
    judge(BENCH_TARGETS.brRatio, brRatio),
    judge(BENCH_TARGETS.startMs, site.startMs),
    judge(BENCH_TARGETS.errors, errors),
    judge(BENCH_TARGETS.searchNewRatio, newRatio),
    judge(BENCH_TARGETS.searchRepeatedRatio, repeatedRatio),
    judge(BENCH_TARGETS.searchP99Ms, searchP99),
    ...judgeFeedback(feedback),
  ];
  const met = report(verdicts);
  await writeResults({
    name: 'bench',
    command: 'npm run bench',
    settings: {
      page: PAGE,
      rounds: ROUNDS,
      'seconds a round': SECONDS,
      connections: CONNECTIONS,
      tool: TOOL,
      'never-repeated searches made': searches.length,
      'site NODE_OPTIONS': IMAGE_ENV.NODE_OPTIONS,
      'site MALLOC_ARENA_MAX': IMAGE_ENV.MALLOC_ARENA_MAX,
    },
    verdicts,
    tables: benchTables(table, summary, feedback),
    figures: {
      startMs: site.startMs,
      ratios: {
        pagePlainSiteToBare: plainRatio,
        pageBrSiteToBarePlain: brRatio,
        pageBrSiteToSitePlain: rps('site (br, gzip)') / rps('site (plain)'),
        pageBrSiteToBareBr: rps('site (br, gzip)') / rps('bare node:http (br, gzip)'),
        searchNeverRepeatedToPage: newRatio,
        searchRepeatedToPage: repeatedRatio,
      },
      searchP99Ms: searchP99,
      medianOfRounds: summary,
      rounds: table,
      feedback,
    },
  });
  if (!met) {
    console.error('Bench FAILED');
    process.exit(1);
  }
  console.log('Bench passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
