/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  // node's, with what test files of one worker share (test/once-per-worker.ts).
  testEnvironment: '<rootDir>/test/setup/worker-environment.ts',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ['<rootDir>/test/setup/every-test-asserts.ts'],
  // Two files at a time, each with its own server and Chromium: on this two-core machine the
  // suite took 8 min 43 s so, against 10 min 41 s one at a time, and stayed green.
  maxWorkers: 2,
  testTimeout: 180_000,
};
