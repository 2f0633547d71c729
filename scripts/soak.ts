/**
 * `npm run soak`: drives the real server for SOAK_SECONDS (60) at full speed with what a public
 * site gets all day — known pages, redirects, 404s, searches, malformed and hostile requests —
 * then prints what was served, any unintended error, p99 latency and memory. Exits 1 on an
 * unintended status or error, or if memory grew more than 20% after warm-up.
 */
import autocannon, { type Request } from 'autocannon';
import { rssMb, startServer } from './server-process';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WARM_UP_SECONDS = Math.min(10, Math.max(2, Math.round(SECONDS / 6)));
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 32);
const MAX_GROWTH = 0.2;

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

async function main(): Promise<void> {
  const site = await startServer(['dist/server.js'], { env: { NODE_ENV: 'production' } });
  const pid = site.child.pid ?? 0;
  const url = `http://127.0.0.1:${site.port}`;
  const requests = MIX.map(({ request }) => request);
  const expected = new Map<number, number>();
  for (const { expect } of MIX) expected.set(expect, (expected.get(expect) ?? 0) + 1);

  console.log(
    `Soak: ${SECONDS}s against ${url}, ${CONNECTIONS} connections, ${MIX.length} kinds of request`,
  );
  const rssStart = rssMb(pid);
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests });
  const rssWarm = rssMb(pid);

  const samples: string[] = [];
  const sampler = setInterval(() => samples.push(rssMb(pid).toFixed(1)), 5_000);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  clearInterval(sampler);
  const rssEnd = rssMb(pid);
  site.child.kill('SIGTERM');

  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
  );
  const unintended = Object.entries(byStatus)
    .filter(([status]) => !expected.has(Number(status)))
    .reduce((sum, [, count]) => sum + (count ?? 0), 0);
  const errors = result.errors + result.timeouts;
  const growth = (rssEnd - rssWarm) / rssWarm;

  console.log(
    `Requests served: ${result.requests.total} (${result.requests.average.toFixed(0)}/s)`,
  );
  console.log(`By status: ${JSON.stringify(byStatus)}`);
  console.log(`Unintended statuses: ${unintended}; connection errors and timeouts: ${errors}`);
  console.log(
    `Latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `Memory (RSS): ${rssStart.toFixed(1)} MB at start, ${rssWarm.toFixed(1)} MB after ${WARM_UP_SECONDS}s warm-up, ` +
      `${rssEnd.toFixed(1)} MB at the end (${(growth * 100).toFixed(1)}% after warm-up; limit ${MAX_GROWTH * 100}%)`,
  );
  console.log(`RSS every 5s: ${samples.join(', ')}`);
  if (unintended > 0 || errors > 0 || growth > MAX_GROWTH) {
    console.error('Soak FAILED');
    process.exit(1);
  }
  console.log('Soak passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
