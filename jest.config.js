/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ['<rootDir>/test/setup/every-test-asserts.ts'],
};
