/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  // node's, with what test files of one worker share (test/once-per-worker.ts).
  testEnvironment: '<rootDir>/test/setup/worker-environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  // Tests that build the whole site (four languages) need more than jest's 5 s on a busy machine.
  testTimeout: 30_000,
  // jest's default keeps one core free, which on a two-core machine runs every file in turn.
  maxWorkers: '100%',
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ['<rootDir>/test/setup/every-test-asserts.ts'],
  // As root on a machine without a postgres user: made once here, before the workers race to.
  globalSetup: '<rootDir>/test/setup/postgres-user.ts',
};
