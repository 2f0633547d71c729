/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  // node's, with what test files of one worker share (test/once-per-worker.ts).
  testEnvironment: '<rootDir>/test/setup/worker-environment.ts',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ['<rootDir>/test/setup/every-test-asserts.ts'],
  // Two files at a time, each with its own server and Chromium: while one waits on its browser
  // the other computes. On a two-core machine it was faster than one at a time and as stable;
  // docs/performance.md says how to time the suite both ways.
  maxWorkers: 2,
  testTimeout: 180_000,
};
