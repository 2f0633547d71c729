/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ['<rootDir>/test/setup/every-test-asserts.ts'],
  // One real browser at a time: the machine has two cores and the suite drives Chromium hard.
  maxWorkers: 1,
  testTimeout: 180_000,
};
