import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { DEFAULT_PATHS } from '../src/site/startup';
import {
  buildServer,
  projectCopy,
  runToEnd,
  startBuilt,
  type Build,
  type ProjectCopy,
  type RunningProcess,
} from './built-server';
import { ask } from './keep-alive';

/** The real `node dist/server.js`, as deployed: what it does at start and on SIGTERM. */

let build: Build;
const copies: ProjectCopy[] = [];
const servers: RunningProcess[] = [];
function copy(): ProjectCopy {
  const made = projectCopy(build);
  copies.push(made);
  return made;
}

beforeAll(() => {
  build = buildServer();
}, 60_000);
afterAll(() => {
  // A test that failed or timed out may leave its server running: never leave it behind.
  for (const { child } of servers) if (child.exitCode === null) child.kill('SIGKILL');
  for (const made of copies) made.remove();
  build.remove();
});

function lineOf(file: string, needle: string): number {
  const text = readFileSync(path.join(DEFAULT_PATHS.contentDir, file), 'utf8');
  expect(text).toContain(needle);
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('node dist/server.js refuses to start', () => {
  it('with broken content: exits 1 and lists every problem as file:line', () => {
    const slugFile = 'profiles/legal-representative/rl-who.yaml';
    const linkFile =
      'profiles/legal-representative/rl-manage-roles/rl-manage-roles-also-local-manager.yaml';
    const broken = copy();
    broken.editContent(slugFile, (text) => text.replace(/slug: [a-z-]+/, 'slug: Qui Est'));
    broken.editContent(linkFile, (text) => text.replace('(gl-manage-roles)', '(gl-manage-rolez)'));
    const run = runToEnd(broken, {});
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('"listening"');
    expect(run.stderr).toContain('The content has problems; the site will not start.');
    expect(run.stderr).toContain(
      `content/${slugFile}:${lineOf(slugFile, 'slug:')}: fr.slug: slug must be lower-case ASCII`,
    );
    expect(run.stderr).toContain(
      `content/${linkFile}:${lineOf(linkFile, '(gl-manage-roles)')}: fr.body: link to "gl-manage-rolez", which is not a node id`,
    );
  });

  it('with bad environment values: exits 1 and names each one', () => {
    const run = runToEnd(copy(), {
      PORT: 'eighty',
      BASE_URL: 'roles.example.be',
      LOG_LEVEL: 'loud',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('"listening"');
    for (const variable of ['PORT', 'BASE_URL', 'LOG_LEVEL']) {
      expect(run.stderr).toMatch(new RegExp(`^ {2}${variable}: `, 'm'));
    }
  });
});

/**
 * A connection the server has taken (it answered a HEAD on it), which then sends the first
 * lines of a request but not yet the blank line ending it.
 */
async function halfSentRequest(port: number, urlPath: string) {
  const socket: Socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
  // Cut connections may end with a reset: what counts is that they end, and what they got.
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.write(`HEAD ${urlPath} HTTP/1.1\r\nHost: roles.example.be\r\n\r\n`);
  while (!answer.includes('\r\n\r\n')) await once(socket, 'data');
  expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  answer = '';
  socket.write(`GET ${urlPath} HTTP/1.1\r\nHost: roles.example.be\r\n`);
  return {
    finish: () => socket.write('\r\n'),
    closed: async () => {
      await closed;
      return answer;
    },
  };
}

describe('node dist/server.js on SIGTERM', () => {
  it('turns /readyz to 503, answers requests in flight with Connection: close, cuts what is left and exits 0', async () => {
    const server = await startBuilt(copy());
    servers.push(server);
    const { port } = server;
    const probe = new Agent({ keepAlive: true, maxSockets: 1 });
    const client = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await ask(port, probe, '/readyz')).toMatchObject({ status: 200 });
      expect(await ask(port, client, '/fr/')).toMatchObject({ status: 200 });
      // A request on its way when the signal comes, and a client that never finishes its own.
      const inFlight = await halfSentRequest(port, '/nl/');
      const stuck = await halfSentRequest(port, '/fr/');
      const exited = once(server.child, 'exit');

      server.child.kill('SIGTERM');
      // The load balancer's view: /readyz answers 200 until the signal is handled, then 503.
      let readiness = await ask(port, probe, '/readyz');
      while (readiness.status === 200 && readiness.connection !== 'close') {
        readiness = await ask(port, probe, '/readyz');
      }
      expect(readiness).toEqual({ status: 503, connection: 'close', reusedSocket: true });

      // Open connections are still answered, each with Connection: close (at once: the server
      // closes a connection that has been idle a second since shutdown began).
      inFlight.finish();
      const [answer, onOpenConnection] = await Promise.all([
        inFlight.closed(),
        ask(port, client, '/fr/'),
      ]);
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(answer).toMatch(/\r\nconnection: close\r\n/i);
      expect(onOpenConnection).toEqual({ status: 200, connection: 'close', reusedSocket: true });

      // The client that never finishes its request is cut, and the process exits on its own.
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(await stuck.closed()).toBe('');
      expect(server.output()).toContain('"stopped"');
    } finally {
      probe.destroy();
      client.destroy();
    }
  }, 30_000);
});
