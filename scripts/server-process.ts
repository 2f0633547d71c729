/** Starting the site (or another server) as its own process, for the benchmark and the soak. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/**
 * The environment the Docker image runs the server in (its `ENV`; test/runtime-settings.test.ts
 * holds the Dockerfile to these), which the bench and the soak give the site too, so that they
 * measure it as it is deployed. They size the process for a container of 256 MB; why each, and
 * what the memory is spent on: docs/performance.md#memory.
 *
 * - V8's old space at most 256 MB, as Node sets it by itself in a 256 MB container: on a host
 *   with gigabytes, V8 lets it grow to 4 × what is live between full collections.
 * - A young generation of 4 MB semi-spaces instead of 16 MB.
 * - glibc's malloc in two arenas: each thread that allocates (the thread pool's compression,
 *   V8's helpers, the overview's worker) otherwise gets an arena of its own, which keeps what
 *   it once held.
 */
export const IMAGE_ENV = {
  NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=4',
  MALLOC_ARENA_MAX: '2',
} as const;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** From spawning the process to the first 200 on `readyPath`. */
  startMs: number;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `node ...command` on a free port, its output discarded, and waits for a 200. */
export async function startServer(
  command: string[],
  options: { env?: NodeJS.ProcessEnv; readyPath?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const spawned = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    // The access log goes nowhere, as it would to a log collector.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 1000; attempt++) {
    const status = await fetch(`http://127.0.0.1:${port}${options.readyPath ?? '/healthz'}`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, port, startMs: performance.now() - spawned };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill();
  throw new Error(`${command.join(' ')} did not start`);
}

/** Resident memory of a process, in MB, from Linux's /proc. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** A process's resident memory split by what holds it, in MB. */
export interface ResidentByKind {
  /** Files mapped in: the node binary, native addons, ICU data. */
  files: number;
  /** glibc's main arena, `[heap]`: Buffers' bytes (the pages, the search cache) and zlib. */
  mainArena: number;
  /** glibc's arenas of other threads: the thread pool, V8's helper threads, workers. */
  threadArenas: number;
  /** Every other anonymous mapping: V8's heap above all, and malloc's largest blocks. */
  otherAnonymous: number;
}

// glibc reserves each arena of a thread as a 64 MB block, aligned on 64 MB.
const ARENA_BYTES = 64 * 1024 * 1024;

/**
 * Resident memory by kind, from Linux's /proc/PID/smaps. A thread arena is told by its address
 * (at a 64 MB boundary) and size: a heuristic, good enough to see where the memory goes.
 */
export function residentByKind(pid: number): ResidentByKind {
  const kinds: ResidentByKind = { files: 0, mainArena: 0, threadArenas: 0, otherAnonymous: 0 };
  let kind: keyof ResidentByKind | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const [, start = '0', end = '0', name = ''] = mapping;
      const [from, size] = [
        Number.parseInt(start, 16),
        Number.parseInt(end, 16) - Number.parseInt(start, 16),
      ];
      if (name.startsWith('/')) kind = 'files';
      else if (name === '[heap]') kind = 'mainArena';
      else if (name !== '') kind = undefined;
      else if (from % ARENA_BYTES === 0 && size > 1024 * 1024 && size <= ARENA_BYTES)
        kind = 'threadArenas';
      else kind = 'otherAnonymous';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && kind) kinds[kind] += Number(rss[1]) / 1024;
  }
  return kinds;
}
