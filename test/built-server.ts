import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/site/startup';

/**
 * The server as it is deployed: `npm run build`, then `node dist/server.js`. Built into a temp
 * folder (never the project's own dist/, which may be stale or in use) and run from a copy of
 * the project whose content a test may break.
 */
export interface Build {
  dir: string;
  remove(): void;
}

/**
 * What `npm run build` compiles, with the output sent elsewhere, and without the site it then
 * prepares: these servers build the site at start, as a start does whose files have changed
 * since the build (test/snapshot.test.ts tests the prepared site).
 */
export function buildServer(): Build {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-'));
  const tsc = require.resolve('typescript/bin/tsc');
  // Without the type check, which is a step of `npm test` of its own: the same files, sooner.
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', dir, '--noCheck'];
  const run = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}${run.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ProjectCopy {
  root: string;
  /** Changes a file under content/ of the copy. */
  editContent(file: string, change: (text: string) => string): void;
  remove(): void;
}

/**
 * node_modules as the production image has it: every package but the development
 * dependencies, each a link to the project's own.
 */
function productionModules(into: string): void {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const development = new Set(Object.keys(manifest.devDependencies));
  const modules = path.join(PROJECT_ROOT, 'node_modules');
  const names = readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`)
        : [name],
    );
  for (const name of names.filter((candidate) => !development.has(candidate))) {
    mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    symlinkSync(path.join(modules, name), path.join(into, name));
  }
}

/**
 * The built server beside its own copy of content/; views, static and node_modules are shared,
 * or, with `productionOnly`, node_modules without the development dependencies.
 */
export function projectCopy(build: Build, options: { productionOnly?: boolean } = {}): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'project-'));
  cpSync(build.dir, path.join(root, 'dist'), { recursive: true });
  cpSync(DEFAULT_PATHS.contentDir, path.join(root, 'content'), { recursive: true });
  const shared = ['views', 'static', 'package.json'];
  if (options.productionOnly) productionModules(path.join(root, 'node_modules'));
  else shared.push('node_modules');
  for (const name of shared) symlinkSync(path.join(PROJECT_ROOT, name), path.join(root, name));
  return {
    root,
    editContent(file, change) {
      const target = path.join(root, 'content', file);
      writeFileSync(target, change(readFileSync(target, 'utf8')));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `node dist/server.js` in the copy, run to its end; for starts that must fail. */
export function runToEnd(copy: ProjectCopy, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['dist/server.js'], {
    cwd: copy.root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    encoding: 'utf8',
    // A server that starts when it should not would run forever: stop it and fail.
    timeout: 30_000,
  });
}

export interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Everything written to stdout so far: the JSON log lines. */
  output(): string;
}

/** `node dist/server.js` in the copy, once it has logged that it listens. */
export async function startBuilt(copy: ProjectCopy): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: copy.root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const listening = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; url?: string })
      .find((line) => line.msg === 'listening');
  const exited = once(child, 'exit').then(() => 'exit' as const);
  while (!listening()) {
    const event = await Promise.race([once(child.stdout, 'data').then(() => 'data'), exited]);
    if (event === 'exit') throw new Error(`the server stopped before listening:\n${output}`);
  }
  const port = Number(new URL(listening()?.url ?? '').port);
  return { child, port, output: () => output };
}
