import type { Config } from '../config';
import type { Logger } from '../logger';
import { createFeedbackDesk, type FeedbackDesk } from './desk';
import { throttledFailureLog } from './failure-log';
import { openFeedbackStore } from './open-store';
import { keepRetention } from './retention';

export type FeedbackConfig = Pick<
  Config,
  'FEEDBACK_DB' | 'DATABASE_URL' | 'FEEDBACK_RETENTION_DAYS' | 'FEEDBACK_RATE_LIMIT'
>;

export interface RunningFeedback {
  desk: FeedbackDesk;
  /** Stops the daily purge and closes the database, once no request needs it any more. */
  stop(): Promise<void>;
}

/**
 * At start: the store the configuration names, its migrations, the first retention purge and
 * the daily ones. A database out of reach is logged and does not stop the start: pages serve,
 * and each feedback post tries the database again.
 */
export async function startFeedback(
  config: FeedbackConfig,
  logger: Logger,
): Promise<RunningFeedback> {
  const reportFailure = throttledFailureLog(logger);
  const store = openFeedbackStore(config, reportFailure);
  await store.open().catch((error: unknown) => reportFailure(error, 'opening the database'));
  const retention = await keepRetention({
    store,
    days: config.FEEDBACK_RETENTION_DAYS,
    reportFailure,
  });
  const desk = createFeedbackDesk({
    store,
    reportFailure,
    rateLimit: config.FEEDBACK_RATE_LIMIT === 'on',
  });
  return {
    desk,
    async stop() {
      retention.stop();
      await store.close();
    },
  };
}
