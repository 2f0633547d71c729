import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { ConfigError, readConfig } from '../src/config';
import { launch, type RunningSite } from '../src/launch';
import pino from 'pino';
import { createApp } from '../src/app';
import { PROJECT_ROOT } from '../src/startup';
import {
  nodeById,
  pathOf,
  silentLogger,
  testApp,
  testFeedbackDesk,
  testLaunchConfig,
} from './helpers';

const config = testLaunchConfig();

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
    const running = await launch(config, { logger: silentLogger });
    running.readiness.ready = false;
    expect((await request(running.server).get('/readyz')).status).toBe(503);
    expect((await request(running.server).get('/healthz')).status).toBe(200);
    await running.shutdown();
  });
});

describe('limits of the real server', () => {
  it('refuses request headers larger than 16 KB with 431', async () => {
    const running = await launch(config, { logger: silentLogger });
    const big = await request(running.server)
      .get('/fr/')
      .set('x-padding', 'a'.repeat(20 * 1024));
    expect(big.status).toBe(431);
    const fine = await request(running.server)
      .get('/fr/')
      .set('x-padding', 'a'.repeat(4 * 1024));
    expect(fine.status).toBe(200);
    await running.shutdown();
  });

  it('answers a malformed request line with 400 and the security headers', async () => {
    const running = await launch(config, { logger: silentLogger });
    const { port } = running.server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /fr/ HTTP/1.1 extra\r\n\r\n');
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    await once(socket, 'close');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('x-content-type-options: nosniff');
    await running.shutdown();
  });
});

describe('graceful shutdown', () => {
  let running: RunningSite;
  beforeEach(async () => {
    running = await launch(config, { logger: silentLogger });
  });

  it('loses no request under keep-alive load, and refuses new connections', async () => {
    const page = pathOf(nodeById('rl-activate-quality'), 'fr');
    const { port } = running.server.address() as { port: number };
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes = { ok: 0, refused: 0, lost: [] as string[] };
    let stopping = false;
    const fetchPage = () =>
      new Promise<void>((resolve) => {
        const req = get({ host: '127.0.0.1', port, path: page, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) outcomes.ok += 1;
            else outcomes.lost.push(`status ${res.statusCode}`);
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && stopping) outcomes.refused += 1;
          else outcomes.lost.push(error.code ?? error.message);
          resolve();
        });
      });
    // 16 clients, each sending its next request as soon as the last one is answered.
    const clients = Array.from({ length: 16 }, async () => {
      while (outcomes.refused === 0 && outcomes.lost.length === 0) await fetchPage();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopping = true;
    const okAtSignal = outcomes.ok;
    await running.shutdown(8_000);
    await Promise.all(clients);
    agent.destroy();
    expect(okAtSignal).toBeGreaterThan(16);
    expect(outcomes.ok).toBeGreaterThan(okAtSignal);
    expect(outcomes.lost).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('stops the real process with exit code 0 on SIGTERM', async () => {
    await running.shutdown();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/server.ts')],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          FEEDBACK_DB: ':memory:',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    while (!output.includes('"listening"')) await once(child.stdout, 'data');
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(output).toContain('"stopped"');
  }, 30_000);
});

describe('access log', () => {
  it('logs one JSON line per request, with the path but never the query', async () => {
    const { site } = await testApp();
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const app = createApp({
      site,
      assets: { urls: {}, byUrl: new Map() },
      logger,
      feedback: testFeedbackDesk(),
    });
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
