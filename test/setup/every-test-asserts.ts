/**
 * Loaded by both jest configs (setupFilesAfterEnv): a test that makes no assertion fails,
 * so a loop over an empty list or a callback that never runs cannot pass in silence.
 */
beforeEach(() => {
  expect.hasAssertions();
});
