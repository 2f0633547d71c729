import type { FailureReport } from './failure-log';
import type { FeedbackStore } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes feedback older than `days`: once now (awaited, so a start with an old database
 * begins clean) and then once a day. A failure is reported and tried again the next day.
 */
export async function keepRetention(options: {
  store: FeedbackStore;
  days: number;
  reportFailure: FailureReport;
  now?: () => number;
}): Promise<{ stop(): void }> {
  const { store, days, reportFailure } = options;
  const now = options.now ?? Date.now;
  const purge = () =>
    store.purge(new Date(now() - days * DAY_MS)).then(
      () => undefined,
      (error: unknown) => reportFailure(error, 'deleting old feedback'),
    );
  await purge();
  const timer = setInterval(() => void purge(), DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
