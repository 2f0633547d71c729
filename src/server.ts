import { ConfigError, readConfig } from './config';
import { ContentError, formatProblems } from './content/problems';
import { launch, type RunningSite } from './launch';
import { createLogger } from './logger';

/** `npm run dev` passes --live: the site follows every edit, and the logs are for people. */
const LIVE = process.argv.includes('--live');

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config, { readable: LIVE });

  // Signal handlers come first: a SIGTERM that lands before them would kill the process
  // outright, even right after it announced it was listening.
  const state: { running?: RunningSite; stopping: boolean } = { stopping: false };
  const stop = (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    logger.info({ signal }, 'shutting down');
    const drained = state.running ? state.running.shutdown() : Promise.resolve();
    void drained.then(() => {
      logger.info('stopped');
      logger.flush(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const running = await launch(config, { logger, live: LIVE });
  state.running = running;
  logger.info({ url: running.url, env: config.NODE_ENV }, 'listening');
  logger.flush();
}

main().catch((error: unknown) => {
  // Start-up failures are for the person deploying: plain text, one problem per line.
  if (error instanceof ContentError) {
    console.error(
      `The content has problems; the site will not start.\n${formatProblems(error.problems)}`,
    );
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
