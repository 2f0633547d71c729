/**
 * jest's test environment for both configs: node's, plus one Map that every test file of a
 * worker process sees (`globalThis.madeOncePerWorker`). jest gives each test file its own
 * modules and globals, so without it each file rebuilt the whole site; this module is loaded
 * once per worker, outside them, so what it holds outlives a file. test/once-per-worker.ts
 * says what goes in it and why it is never stale.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';

const madeOnce = new Map<string, unknown>();

export default class WorkerEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.madeOncePerWorker = madeOnce;
  }
}
