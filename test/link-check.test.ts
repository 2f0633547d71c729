import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { checkLinks, type LinkVerdict } from '../src/lib/link-check';
import { PROJECT_ROOT } from '../src/site/startup';
import { freePort } from './ports';
import { siteCopy } from './site-copy';

/** A Node script run in its own process, with what it printed and how it exited. */
async function runNode(args: string[]): Promise<{ status: number | null; stdout: string }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.resume();
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout };
}

/** How long the checker waits in these tests; the slow page takes longer than this. */
const TIMEOUT_MS = 400;
const SLOW_MS = 2_000;

/** An official site as the checker meets it: pages that answer, moved, vanished or hang. */
let server: Server;
let origin: string;
let refused: string;
let inFlight = 0;
let mostAtOnce = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight += 1;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const answer = (status: number, headers: Record<string, string> = {}) =>
      setTimeout(() => res.writeHead(status, headers).end(), 20);
    switch (req.url) {
      case '/ok':
        return answer(200);
      case '/moved':
        return answer(301, { location: '/ok' });
      case '/gone':
        return answer(404);
      case '/broken':
        return answer(500);
      case '/get-only':
        return answer(req.method === 'HEAD' ? 405 : 200);
      case '/slow':
        return void setTimeout(() => res.writeHead(200).end(), SLOW_MS).unref();
      default:
        return answer(200);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
  // Nothing listens there: the connection is refused.
  refused = `http://127.0.0.1:${await freePort()}/page`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the link check', () => {
  it.each([
    ['a page that answers', '/ok', { kind: 'ok', status: 200 }],
    ['a page that moved', '/moved', { kind: 'redirect', status: 301, location: '/ok' }],
    ['a page that is gone', '/gone', { kind: 'broken', status: 404 }],
    ['a server in trouble', '/broken', { kind: 'broken', status: 500 }],
    ['a server that answers GET only', '/get-only', { kind: 'ok', status: 200 }],
  ])('says what %s does', async (_case, page, expected) => {
    const verdicts = await checkLinks([origin + page], { concurrency: 2, timeoutMs: TIMEOUT_MS });
    const verdict = verdicts.get(origin + page) as LinkVerdict;
    const location = 'location' in expected ? `${origin}${expected.location}` : undefined;
    expect(verdict).toEqual(location ? { ...expected, location } : expected);
  });

  it('gives up on a page that does not answer in time', async () => {
    const verdicts = await checkLinks([`${origin}/slow`], {
      concurrency: 1,
      timeoutMs: TIMEOUT_MS,
    });
    expect(verdicts.get(`${origin}/slow`)).toEqual({
      kind: 'unreachable',
      reason: `no answer within ${TIMEOUT_MS} ms`,
    });
  });

  it('says a refused connection does not answer', async () => {
    const verdict = (await checkLinks([refused], { concurrency: 1, timeoutMs: TIMEOUT_MS })).get(
      refused,
    );
    expect(verdict).toEqual({ kind: 'unreachable', reason: 'ECONNREFUSED' });
  });

  it('asks each address once, and never more at a time than allowed', async () => {
    const urls = Array.from({ length: 12 }, (_, index) => `${origin}/page-${index}`);
    mostAtOnce = 0;
    const verdicts = await checkLinks([...urls, ...urls], { concurrency: 3, timeoutMs: 2_000 });
    expect(verdicts.size).toBe(urls.length);
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(3);
  });
});

describe('npm run check:links', () => {
  it('lists each link that fails, moves or redirects, at its file and line, and exits 1', async () => {
    const copy = siteCopy();
    try {
      const file = 'content/profiles/user/u-list-roles.yaml';
      const doc = parseDocument(copy.read(file));
      const body = String(doc.getIn(['fr', 'body']));
      const links = ['ok', 'moved', 'gone', 'broken', 'slow']
        .map((page) => `- [${page}](${origin}/${page})`)
        .join('\n');
      doc.setIn(['fr', 'body'], `${body}\n${links}\n- [refused](${refused})\n`);
      const text = doc.toString({ lineWidth: 0 });
      copy.write(file, text);
      const lineOf = (page: string) =>
        text.slice(0, text.indexOf(`(${origin}/${page})`)).split('\n').length;

      // Run beside the test, not blocking it: the test's own server must answer meanwhile.
      const run = await runNode([
        path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(PROJECT_ROOT, 'src', 'cli', 'check-links.ts'),
        '--content',
        copy.contentDir,
        '--timeout',
        String(TIMEOUT_MS),
        // The real content's addresses, unreachable from here, each wait out the timeout.
        '--concurrency',
        '32',
      ]);
      const lines = run.stdout.split('\n');
      expect(run.status).toBe(1);
      expect(lines).toEqual(
        expect.arrayContaining([
          `${file}:${lineOf('moved')}: ${origin}/moved redirects (301) to ${origin}/ok`,
          `${file}:${lineOf('gone')}: ${origin}/gone answers 404`,
          `${file}:${lineOf('broken')}: ${origin}/broken answers 500`,
          `${file}:${lineOf('slow')}: ${origin}/slow does not answer: no answer within ${TIMEOUT_MS} ms`,
          `${file}:${text.slice(0, text.indexOf(`(${refused})`)).split('\n').length}: ${refused} does not answer: ECONNREFUSED`,
        ]),
      );
      expect(lines.filter((line) => line.includes(`${origin}/ok `))).toEqual([]);
    } finally {
      copy.remove();
    }
  }, 60_000);
});
