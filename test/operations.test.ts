import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import request from 'supertest';
import { ConfigError, readConfig } from '../src/config';
import { launch, type RunningSite } from '../src/launch';
import pino from 'pino';
import { createApp } from '../src/app';
import { SECURITY_HEADERS } from '../src/http/security';
import {
  nodeById,
  pathOf,
  silentLogger,
  testApp,
  testFeedbackDesk,
  testLaunchConfig,
  testSite,
} from './helpers';
import { ask } from './keep-alive';

const config = testLaunchConfig();

/** The real server, started by a test and always stopped after it, even when it fails. */
const started: { site?: RunningSite; agents: Agent[] } = { agents: [] };
async function startSite(): Promise<{ running: RunningSite; port: number }> {
  const running = await launch(config, { logger: silentLogger, site: await testSite() });
  started.site = running;
  return { running, port: (running.server.address() as AddressInfo).port };
}
/** A client with keep-alive connections, destroyed after the test. */
function keepAliveAgent(maxSockets: number): Agent {
  const agent = new Agent({ keepAlive: true, maxSockets });
  started.agents.push(agent);
  return agent;
}
afterEach(async () => {
  for (const agent of started.agents.splice(0)) agent.destroy();
  await started.site?.shutdown(1_000);
  started.site = undefined;
});

/** The headers of a response that share a name with the site's security headers. */
function securityHeadersOf(headers: Record<string, string | string[] | undefined>) {
  expect(Object.keys(SECURITY_HEADERS).length).toBeGreaterThanOrEqual(8);
  return Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, headers[name]]));
}

describe('health', () => {
  it('answers /healthz and /readyz while running, cheaply and uncached', async () => {
    const { app } = await testApp();
    for (const probe of ['/healthz', '/readyz']) {
      const response = await request(app).get(probe);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('turns /readyz to 503 once shutdown begins, while /healthz stays 200', async () => {
    const { running, port } = await startSite();
    // Shutdown refuses new connections: each probe keeps the one it opened before.
    const readyz = keepAliveAgent(1);
    const healthz = keepAliveAgent(1);
    expect(await ask(port, readyz, '/readyz')).toMatchObject({ status: 200 });
    expect(await ask(port, healthz, '/healthz')).toMatchObject({ status: 200 });
    const stopped = running.shutdown();
    const close = { reusedSocket: true, connection: 'close' };
    expect(await ask(port, readyz, '/readyz')).toEqual({ status: 503, ...close });
    expect(await ask(port, healthz, '/healthz')).toEqual({ status: 200, ...close });
    await stopped;
  });
});

describe('limits of the real server', () => {
  it('refuses request headers larger than 16 KB with 431', async () => {
    const { running } = await startSite();
    const big = await request(running.server)
      .get('/fr/')
      .set('x-padding', 'a'.repeat(20 * 1024));
    expect(big.status).toBe(431);
    expect(securityHeadersOf(big.headers)).toEqual(SECURITY_HEADERS);
    const fine = await request(running.server)
      .get('/fr/')
      .set('x-padding', 'a'.repeat(4 * 1024));
    expect(fine.status).toBe(200);
  });

  it('answers a malformed request line with 400 and the security headers', async () => {
    const { port } = await startSite();
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /fr/ HTTP/1.1 extra\r\n\r\n');
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    await once(socket, 'close');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const headers = Object.fromEntries(
      answer
        .split('\r\n\r\n')[0]
        ?.split('\r\n')
        .slice(1)
        .map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]) ?? [],
    );
    expect(securityHeadersOf(headers)).toEqual(SECURITY_HEADERS);
  });
});

describe('graceful shutdown', () => {
  it('loses no request under keep-alive load, and refuses new connections', async () => {
    const page = pathOf(nodeById('rl-activate-quality'), 'fr');
    const { running, port } = await startSite();
    const CLIENTS = 16;
    const agent = keepAliveAgent(CLIENTS);
    const outcomes = { ok: 0, refused: 0, closeAfterSignal: 0, lost: [] as string[] };
    let stopping = false;
    // Shutdown begins inside the callback of the answer that makes the count: at that moment
    // every other client has a request in flight on its keep-alive connection.
    const SIGNAL_AT = CLIENTS * 4;
    let signal = () => {};
    const signalled = new Promise<void>((resolve) => (signal = resolve));
    const fetchPage = () =>
      new Promise<'again' | 'stop'>((resolve) => {
        const req = get({ host: '127.0.0.1', port, path: page, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) {
              outcomes.lost.push(`status ${res.statusCode}`);
              return resolve('stop');
            }
            outcomes.ok += 1;
            if (stopping && res.headers.connection === 'close') outcomes.closeAfterSignal += 1;
            if (outcomes.ok === SIGNAL_AT) signal();
            resolve('again');
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && stopping) outcomes.refused += 1;
          else outcomes.lost.push(error.code ?? error.message);
          resolve('stop');
        });
      });
    // Each client sends its next request as soon as the last one is answered, until refused.
    const clients = Array.from({ length: CLIENTS }, async () => {
      while ((await fetchPage()) === 'again');
    });
    await signalled;
    stopping = true;
    const stopped = running.shutdown(8_000);
    await Promise.all(clients);
    await stopped;
    expect(outcomes.lost).toEqual([]);
    // Requests in flight at the signal were answered, with Connection: close...
    expect(outcomes.ok).toBeGreaterThan(SIGNAL_AT);
    expect(outcomes.closeAfterSignal).toBeGreaterThan(0);
    // ...and every client, once its connection closed, found the door shut.
    expect(outcomes.refused).toBe(CLIENTS);
  }, 30_000);
});

/** The real app with a logger whose lines the test reads back, one object per line. */
async function appWithLogLines() {
  const { site } = await testApp();
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app = createApp({
    site,
    assets: { urls: {}, byUrl: new Map() },
    logger,
    feedback: testFeedbackDesk(),
  });
  return { site, app, lines };
}

describe('access log', () => {
  it('logs one JSON line per request, with the path but never the query', async () => {
    const { site, app, lines } = await appWithLogLines();
    const searchPath = [...site.searchPaths.keys()][0] ?? '';
    await request(app)
      .get(`${searchPath}?q=jean.dupont%40example.be`)
      .set('x-request-id', 'abc-123');
    await request(app).get('/fr/?utm_source=dupont');
    await request(app).get('/healthz');
    expect(lines).toEqual([
      expect.objectContaining({
        reqId: 'abc-123',
        method: 'GET',
        path: searchPath,
        status: 200,
        ms: expect.any(Number),
      }),
      expect.objectContaining({ method: 'GET', path: '/fr/', status: 200 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('dupont');
  });

  it('logs a URL refused for its length, with the security headers every answer has, and not the URL', async () => {
    const { app, lines } = await appWithLogLines();
    const page = await request(app).get('/fr/');
    const refused = await request(app).get(`/fr/${'secret'.repeat(400)}`);
    expect(refused.status).toBe(414);
    const securityOf = (headers: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(headers).filter(([name]) =>
          /^(content-security-policy|strict-transport-security|x-frame-options|x-content-type-options|referrer-policy|permissions-policy|cross-origin-)/.test(
            name,
          ),
        ),
      );
    expect(Object.keys(securityOf(refused.headers)).length).toBeGreaterThanOrEqual(6);
    expect(securityOf(refused.headers)).toEqual(securityOf(page.headers));
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', path: '/fr/', status: 200 }),
      expect.objectContaining({ method: 'GET', status: 414, path: expect.any(String) }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});

describe('configuration', () => {
  it('uses defaults for a bare environment', () => {
    expect(readConfig({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      BASE_URL: 'http://localhost:3000',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      FEEDBACK_DB: './data/feedback.db',
      TRUST_PROXY: false,
      FEEDBACK_RETENTION_DAYS: 180,
      FEEDBACK_RATE_LIMIT: 'on',
    });
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7, fd00::/8', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
  ])('maps TRUST_PROXY=%s to Express’s trust proxy', (value, trustProxy) => {
    expect(readConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(trustProxy);
  });

  it('never echoes the database password in its message', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://user:s3cret@db/feedback' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });

  it('drops a trailing slash from BASE_URL', () => {
    expect(readConfig({ BASE_URL: 'https://roles.example.be/' }).BASE_URL).toBe(
      'https://roles.example.be',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ BASE_URL: 'roles.example.be' }, /BASE_URL/],
    [{ BASE_URL: 'ftp://roles.example.be' }, /BASE_URL/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://db.example.be/feedback' }, /DATABASE_URL/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY/],
    [{ FEEDBACK_RETENTION_DAYS: '0' }, /FEEDBACK_RETENTION_DAYS/],
    [{ FEEDBACK_RETENTION_DAYS: 'forever' }, /FEEDBACK_RETENTION_DAYS/],
    [{ FEEDBACK_URL: 'ftp://roles.example.be/feedback' }, /FEEDBACK_URL/],
    [{ FEEDBACK_RATE_LIMIT: 'maybe' }, /FEEDBACK_RATE_LIMIT/],
  ])('refuses %j with a message naming the variable', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });
});
