import fc from 'fast-check';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { launch, type RunningSite } from '../src/launch';
import { pageCases, silentLogger, testLaunchConfig, testSite } from './helpers';

const PROBE = '<fuzz-probe x="1">';
const LEAKS = /\bat \S+ \(|node:internal|\/work\/|node_modules|\.ts:\d+|Error: /;

// Pieces people and scanners put in URLs: real slugs, traversal, encodings, markup, junk.
const slugs = [...new Set(pageCases.flatMap(({ path }) => path.split('/').filter(Boolean)))];
const segment = fc.oneof(
  fc.constantFrom(...slugs),
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2f',
    '%5c',
    '\\',
    '%00',
    '%',
    '%E0%A4%A',
    '%zz',
    '%C3%A9',
    '.git',
    '.env',
  ),
  fc.constantFrom(
    'package.json',
    'assets',
    'index.html',
    'FR',
    'NL',
    'wp-admin',
    'sitemap.xml',
    'robots.txt',
    'feedback',
    'avis',
    'merci',
    'bedankt',
  ),
  fc.constantFrom(encodeURIComponent(PROBE), PROBE.replace(/ /g, '%20'), '"', "'", '<', '>'),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/),
);
const path = fc
  .tuple(fc.array(segment, { maxLength: 6 }), fc.boolean())
  .map(([parts, slash]) => `/${parts.join('/')}${slash ? '/' : ''}`);
const query = fc.option(
  fc
    .array(
      fc.tuple(
        fc.constantFrom('q', 'utm_source', 'lang', 'x', 'page', 'after'),
        fc.oneof(segment, fc.string({ maxLength: 20 })),
      ),
      {
        maxLength: 3,
      },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
  { nil: undefined },
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const requestArb = fc.record({
  method: fc.constantFrom(
    'GET',
    'GET',
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
    'PATCH',
    'TRACE',
  ),
  path,
  query,
  headers: fc.record(
    {
      'accept-encoding': fc.oneof(
        fc.constantFrom('br', 'gzip', 'br, gzip', 'identity', '*', 'gzip;q=0'),
        headerValue,
      ),
      'accept-language': headerValue,
      'if-none-match': headerValue,
      cookie: headerValue,
      host: fc.constantFrom('evil.example', 'localhost', `${PROBE}`.replace(/[<>" ]/g, '')),
    },
    { requiredKeys: [] },
  ),
});

type FuzzRequest = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

describe('fuzzing the server with generated requests', () => {
  let running: RunningSite;
  let agent: Agent;
  beforeAll(async () => {
    running = await launch(testLaunchConfig(), { logger: silentLogger, site: await testSite() });
    agent = new Agent({ keepAlive: true, maxSockets: 4 });
  });
  afterAll(async () => {
    agent.destroy();
    await running.shutdown();
  });

  function send(req: FuzzRequest) {
    const { port } = running.server.address() as { port: number };
    const target = req.query ? `${req.path}?${req.query}` : req.path;
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const outgoing = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: req.method,
            path: target,
            headers: req.headers,
            agent,
          },
          (res) => {
            let body = '';
            res.setEncoding('latin1');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
            );
          },
        );
        outgoing.on('error', reject);
        if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH')
          outgoing.write(`data=${PROBE}`);
        outgoing.end();
      },
    );
  }

  it('never answers 5xx, always sends the security headers, never leaks or reflects', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        const response = await send(req);
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(500);
        expect(response.headers['content-security-policy']).toContain("default-src 'none'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.body).not.toMatch(LEAKS);
        expect(response.body).not.toContain(PROBE);
        expect(response.body).not.toContain('<fuzz-probe');
        expect(response.headers.location ?? '').not.toMatch(/[<>"\s]/);
      }),
      { numRuns: 3000 },
    );
  }, 120_000);
});
