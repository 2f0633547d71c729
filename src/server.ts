import { ConfigError, readConfig } from './config';
import { ContentError, formatProblems } from './content/problems';
import { launch } from './launch';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const running = await launch(config, { logger });
  logger.info({ url: running.url, env: config.NODE_ENV }, 'listening');
  logger.flush();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.shutdown().then(() => {
      logger.info('stopped');
      logger.flush(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
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
