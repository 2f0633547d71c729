/**
 * `npm run soak`: drives the real server for SOAK_SECONDS (60) at full speed with what a public
 * site gets all day — known pages, redirects, 404s, searches (a never-repeated stream of them
 * among them, which keeps the server's cache of result pages full and turning), malformed and
 * hostile requests —
 * then prints what was served, p99 latency and memory. Every response is checked against the
 * status its own kind of request expects (a page that should answer 200 but gives 404 is caught,
 * though 404 is right for other requests). The server runs as the image runs it (IMAGE_ENV).
 * Exits 1, naming what was missed, on any such response, on connection errors, or on memory
 * at the end or its growth after the warm-up over the targets (./targets.ts).
 */
import autocannon, { type Request } from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { neverRepeatedSearches } from './search-traffic';
import { writeResults } from './results';
import { IMAGE_ENV, residentByKind, rssMb, startServer } from './server-process';
import { judge, report, SOAK_TARGETS } from './targets';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WARM_UP_SECONDS = Math.min(10, Math.max(2, Math.round(SECONDS / 6)));
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 32);

/** Searches no one asked before, each searched, rendered, compressed and kept by the server. */
const SEARCHES = neverRepeatedSearches(Number(process.env.SOAK_SEARCHES ?? 100_000));
let searchesSent = 0;
const nextSearch = () => SEARCHES[searchesSent++ % SEARCHES.length] ?? '/';

// What each kind of request is meant to get: anything else is an error.
const MIX: { request: Request; expect: number }[] = [
  { request: { path: '/' }, expect: 200 },
  { request: { path: '/fr/' }, expect: 200 },
  {
    request: { path: '/nl/wettelijke-vertegenwoordiger/een-hoedanigheid-activeren/' },
    expect: 200,
  },
  {
    request: {
      path: '/fr/representant-legal/activer-une-qualite/',
      headers: { 'accept-encoding': 'br' },
    },
    expect: 200,
  },
  { request: { path: '/fr/utilisateur/', headers: { 'accept-encoding': 'gzip' } }, expect: 200 },
  { request: { path: '/sitemap.xml' }, expect: 200 },
  { request: { path: '/fr/recherche/?q=qualite' }, expect: 200 },
  { request: { path: '/nl/zoeken/?q=hoedanigheid%20activeren' }, expect: 200 },
  { request: { path: '/fr/recherche/?q=gestionaire%20local' }, expect: 200 },
  { request: { path: '/fr/recherche/?q=' + 'x'.repeat(300) }, expect: 200 },
  {
    request: {
      path: nextSearch(),
      setupRequest: (request) => ({ ...request, path: nextSearch() }),
    },
    expect: 200,
  },
  { request: { path: '/FR/' }, expect: 301 },
  { request: { path: '/fr/representant-legal' }, expect: 301 },
  { request: { path: '/nl/representant-legal/activer-une-qualite/' }, expect: 301 },
  { request: { path: '/fr/nope/' }, expect: 404 },
  { request: { path: '/wp-login.php' }, expect: 404 },
  { request: { path: '/assets/../package.json' }, expect: 404 },
  { request: { path: '/fr/%E0%A4%A' }, expect: 400 },
  { request: { path: `/fr/${'a'.repeat(3000)}` }, expect: 414 },
  { request: { path: '/fr/', method: 'POST', body: 'a=1' }, expect: 405 },
  { request: { path: '/fr/%3Cscript%3Ealert(1)%3C/script%3E' }, expect: 404 },
];

/** What each kind of request got: its answers by status, counted as they arrive. */
interface Tally {
  path: string;
  expect: number;
  byStatus: Map<number, number>;
}

function answersIn(tallies: readonly Tally[]): number {
  return tallies.reduce(
    (sum, { byStatus }) => sum + [...byStatus.values()].reduce((a, b) => a + b, 0),
    0,
  );
}

/** The mix for autocannon, each request counting its own answers into its kind's tally. */
function countedRequests(tallies: Tally[]): Request[] {
  return MIX.map(({ request }, index) => ({
    ...request,
    onResponse: (status: number) => {
      const { byStatus } = tallies[index] as Tally;
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    },
  }));
}

async function main(): Promise<void> {
  const database = path.join(mkdtempSync(path.join(tmpdir(), 'soak-')), 'feedback.db');
  // As the image runs it: its memory is what a container would hold.
  const site = await startServer(['dist/server.js'], {
    env: { ...IMAGE_ENV, NODE_ENV: 'production', FEEDBACK_DB: database },
  });
  const pid = site.child.pid ?? 0;
  const url = `http://127.0.0.1:${site.port}`;
  const tallies: Tally[] = MIX.map(({ request, expect }) => ({
    path: `${request.method ?? 'GET'} ${(request.path ?? '').slice(0, 60)}`,
    expect,
    byStatus: new Map(),
  }));
  const requests = countedRequests(tallies);

  console.log(
    `Soak: ${SECONDS}s against ${url}, ${CONNECTIONS} connections, ${MIX.length} kinds of request`,
  );
  const rssStart = rssMb(pid);
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests });
  const rssWarm = rssMb(pid);
  const checkedInWarmUp = answersIn(tallies);

  const samples: string[] = [];
  const sampler = setInterval(() => samples.push(rssMb(pid).toFixed(1)), 5_000);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  clearInterval(sampler);
  const rssEnd = rssMb(pid);
  const byKind = residentByKind(pid);
  site.child.kill('SIGTERM');

  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
  );
  // Each wrong answer counts; a kind that got no answer at all was never checked, and counts too.
  const unintended = tallies.flatMap(({ path, expect, byStatus }) =>
    byStatus.size === 0
      ? [{ path, expect, got: 'no answer', count: 1 }]
      : [...byStatus]
          .filter(([status]) => status !== expect)
          .map(([status, count]) => ({ path, expect, got: `${count} × ${status}`, count })),
  );
  // Every answer autocannon counted must have been checked against its own kind.
  const answered = Object.values(byStatus).reduce<number>((sum, count) => sum + (count ?? 0), 0);
  const unchecked = answered - (answersIn(tallies) - checkedInWarmUp);
  if (unchecked !== 0) {
    unintended.push({
      path: 'any',
      expect: 0,
      got: `${unchecked} answers not checked`,
      count: Math.abs(unchecked),
    });
  }
  const errors = result.errors + result.timeouts;
  const growth = (rssEnd - rssWarm) / rssWarm;

  console.log(
    `Requests served: ${result.requests.total} (${result.requests.average.toFixed(0)}/s)`,
  );
  console.log(`By status: ${JSON.stringify(byStatus)}`);
  console.log('By kind of request (expected status: answers):');
  for (const { path, expect, byStatus } of tallies) {
    const answers = [...byStatus].map(([status, count]) => `${count} × ${status}`).join(', ');
    console.log(`  ${String(expect)} ${path}: ${answers || 'none'}`);
  }
  for (const { path, expect, got } of unintended) {
    console.error(`  UNINTENDED ${path}: expected ${expect}, got ${got}`);
  }
  console.log(`Connection errors and timeouts: ${errors}`);
  console.log(
    `Latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `Memory (RSS): ${rssStart.toFixed(1)} MB at start, ${rssWarm.toFixed(1)} MB after ${WARM_UP_SECONDS}s warm-up, ` +
      `${rssEnd.toFixed(1)} MB at the end (${(growth * 100).toFixed(1)}% after warm-up)`,
  );
  console.log(`RSS every 5s: ${samples.join(', ')}`);
  console.log(
    `RSS at the end by kind: files ${byKind.files.toFixed(1)} MB, V8 heap and other anonymous ${byKind.otherAnonymous.toFixed(1)} MB, ` +
      `malloc main arena ${byKind.mainArena.toFixed(1)} MB, thread arenas ${byKind.threadArenas.toFixed(1)} MB`,
  );
  console.log(
    `Never-repeated searches: ${searchesSent} sent, ${Math.min(searchesSent, SEARCHES.length)} different`,
  );
  const verdicts = [
    judge(
      SOAK_TARGETS.unintended,
      unintended.reduce((sum, { count }) => sum + count, 0),
    ),
    judge(SOAK_TARGETS.errors, errors),
    judge(SOAK_TARGETS.rssMb, Number(rssEnd.toFixed(1))),
    judge(SOAK_TARGETS.memoryGrowth, growth),
  ];
  const met = report(verdicts);
  const different = Math.min(searchesSent, SEARCHES.length);
  await writeResults({
    name: 'soak',
    command: 'npm run soak',
    settings: {
      seconds: SECONDS,
      'warm-up seconds': WARM_UP_SECONDS,
      connections: CONNECTIONS,
      'kinds of request': MIX.length,
      tool: 'autocannon',
      'server NODE_OPTIONS': IMAGE_ENV.NODE_OPTIONS,
      'server MALLOC_ARENA_MAX': IMAGE_ENV.MALLOC_ARENA_MAX,
    },
    verdicts,
    tables: [
      {
        heading: 'Load',
        columns: [
          { name: 'requests', numeric: true },
          { name: 'req/s', numeric: true },
          { name: 'p50 ms', numeric: true },
          { name: 'p99 ms', numeric: true },
          { name: 'max ms', numeric: true },
          { name: 'connection errors and timeouts', numeric: true },
          { name: 'never-repeated searches sent', numeric: true },
          { name: 'different', numeric: true },
        ],
        rows: [
          [
            result.requests.total,
            result.requests.average.toFixed(0),
            result.latency.p50,
            result.latency.p99,
            result.latency.max,
            errors,
            searchesSent,
            different,
          ],
        ],
      },
      {
        heading: 'Memory (RSS, MB)',
        columns: [
          { name: 'at start', numeric: true },
          { name: 'after warm-up', numeric: true },
          { name: 'at the end', numeric: true },
          { name: 'growth after warm-up', numeric: true },
          { name: 'every 5 s' },
        ],
        rows: [
          [
            rssStart.toFixed(1),
            rssWarm.toFixed(1),
            rssEnd.toFixed(1),
            `${(growth * 100).toFixed(1)}%`,
            samples.join(', '),
          ],
        ],
      },
      {
        heading: 'Memory at the end by kind (RSS, MB; see docs/performance.md#memory)',
        columns: [
          { name: 'files mapped', numeric: true },
          { name: 'V8 heap and other anonymous', numeric: true },
          { name: 'malloc main arena', numeric: true },
          { name: 'malloc thread arenas', numeric: true },
        ],
        rows: [
          [
            byKind.files.toFixed(1),
            byKind.otherAnonymous.toFixed(1),
            byKind.mainArena.toFixed(1),
            byKind.threadArenas.toFixed(1),
          ],
        ],
      },
      {
        heading: 'By kind of request',
        columns: [{ name: 'request' }, { name: 'expected', numeric: true }, { name: 'answers' }],
        rows: tallies.map(({ path, expect, byStatus }) => [
          `\`${path}\``,
          expect,
          [...byStatus].map(([status, count]) => `${count} × ${status}`).join(', ') || 'none',
        ]),
      },
    ],
    figures: {
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      byStatus,
      byKind: tallies.map(({ path, expect, byStatus }) => ({
        request: path,
        expect,
        answers: Object.fromEntries(byStatus),
      })),
      unintended,
      errors,
      rssMb: { start: rssStart, afterWarmUp: rssWarm, end: rssEnd, every5s: samples.map(Number) },
      rssAtEndByKindMb: byKind,
      growthAfterWarmUp: growth,
      neverRepeatedSearches: { sent: searchesSent, different },
    },
  });
  if (!met) {
    console.error('Soak FAILED');
    process.exit(1);
  }
  console.log('Soak passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
