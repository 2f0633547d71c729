import type { Logger } from '../logger';

export const FAILURE_LOG_INTERVAL_MS = 60_000;

export type FailureReport = (error: unknown, what: string) => void;

/**
 * Logs a failure of the feedback database at most once a minute, however many posts meet it,
 * with the number of failures left unlogged. Only the error's message and code are logged:
 * never the feedback being written.
 */
export function throttledFailureLog(logger: Logger, now: () => number = Date.now): FailureReport {
  let last = -Infinity;
  let unlogged = 0;
  return (error, what) => {
    const at = now();
    if (at - last < FAILURE_LOG_INTERVAL_MS) {
      unlogged += 1;
      return;
    }
    const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
    logger.error(
      { error: { message: String(message ?? error), code }, unloggedSince: unlogged },
      `feedback database: ${what} failed`,
    );
    last = at;
    unlogged = 0;
  };
}
