/**
 * `npm run screenshots`: the browser suite's setup, running only the screenshots for a
 * reviewer (test/browser/screenshots.shots.ts), which the suite itself leaves out.
 */
const browser = require('./jest.browser.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...browser,
  testMatch: ['**/screenshots.shots.ts'],
};
