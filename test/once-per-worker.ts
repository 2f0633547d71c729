import path from 'node:path';
import { hashOfFiles } from '../src/lib/files-hash';
import { PROJECT_ROOT } from '../src/site/startup';

/** Everything a build of the site reads: a change to any of it makes a new build. */
const INPUTS = ['content', 'views', 'static', 'src', 'package-lock.json'];

/** The files the site is made of, hashed, names and bytes, as they are now: a few milliseconds. */
const inputsHash = () => hashOfFiles(INPUTS.map((input) => path.join(PROJECT_ROOT, input)));

/**
 * What `make` returns (a promise, often), made once per jest worker process and shared by all
 * the test files it runs, for as long as the files of the site are the same.
 *
 * - Kept in memory only, keyed by `kind` and a hash of content/, views/, static/, src/ and the
 *   lock file taken when it is asked for: an edit, even in `jest --watch`, whose worker outlives
 *   a run, makes a new one, which replaces the last of its kind.
 * - What it holds was made by the modules of the first test file that asked, and is used by
 *   later files whose modules are others: treat it as read-only data, and never test it with
 *   `instanceof` or `toStrictEqual` against a class or literal of the test itself (another
 *   realm's). Code in it may not `require` a module after its own file is done: jest refuses
 *   and fails the run, it does not go unnoticed.
 * - Outside the shared environment (test/setup/worker-environment.ts), made once per file.
 */
export function oncePerWorker<T>(kind: string, make: () => T): T {
  const shared = (globalThis as { madeOncePerWorker?: Map<string, Made> }).madeOncePerWorker;
  if (!shared) return make();
  const inputs = inputsHash();
  let made = shared.get(kind);
  if (made?.inputs !== inputs) {
    made = { inputs, value: make() };
    shared.set(kind, made);
  }
  return made.value as T;
}

interface Made {
  inputs: string;
  value: unknown;
}
