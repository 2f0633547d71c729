/**
 * A throwaway PostgreSQL server for the tests: Debian's `postgresql` package, a cluster made
 * with initdb in a temporary folder, started with pg_ctl on a free port of the loopback, and
 * removed afterwards. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * user the package creates (or `nobody`). Without PostgreSQL the tests fail, saying why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const POSTGRES_INSTALL = 'apt-get install -y postgresql';

export interface ThrowawayPostgres {
  /** postgres://feedback@127.0.0.1:PORT/feedback */
  url: string;
  /** Stops the server at once, as a crash would; `start` brings it back with its data. */
  halt(): void;
  start(): void;
  /** Stops the server and deletes its files. */
  remove(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [newest] = versions;
  if (!newest) {
    throw new Error(
      `PostgreSQL is not installed (no ${root}/*/bin/initdb): the feedback tests need a real server. Install it with: ${POSTGRES_INSTALL}`,
    );
  }
  return path.join(root, newest, 'bin');
}

/** The unprivileged user the server runs as when the tests run as root. */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && group.status === 0) {
      return { name, uid: Number(id.stdout.trim()), gid: Number(group.stdout.trim()) };
    }
  }
  throw new Error(
    'running as root, and neither a postgres nor a nobody user exists to run PostgreSQL',
  );
}

/** A port that was free a moment ago; the server takes it right after. */
function freePort(): number {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  );
  const port = Number(probe.stdout.trim());
  if (!port) throw new Error(`could not find a free port: ${probe.stderr}`);
  return port;
}

export function startPostgres(): ThrowawayPostgres {
  const bin = binDir();
  const user = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const port = freePort();
  const run = (tool: string, args: string[]) => {
    const command = user ? 'runuser' : path.join(bin, tool);
    const fullArgs = user ? ['-u', user.name, '--', path.join(bin, tool), ...args] : args;
    try {
      execFileSync(command, fullArgs, { cwd: dir, stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      throw new Error(
        `PostgreSQL could not be set up (${tool} failed): the feedback tests need a real server (${POSTGRES_INSTALL}).\n${output}\n${serverLog}`,
      );
    }
  };
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
      'start',
    ]);
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'feedback',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    start();
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'feedback', 'feedback']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const halt = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  return {
    url: `postgres://feedback@127.0.0.1:${port}/feedback`,
    halt,
    start,
    remove() {
      try {
        halt();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
