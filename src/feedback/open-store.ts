import { connect, type DatabaseConfig } from './database';
import type { FailureReport } from './failure-log';
import { createKyselyStore } from './kysely-store';
import { migrateToLatest } from './migrations';
import type { FeedbackStore } from './store';

/**
 * The store named by the configuration. It connects and migrates on first use, not before:
 * a database that is out of reach at start (Postgres still booting, a folder not writable)
 * only makes feedback fail until it is back, and each use tries again. Pages never wait on it.
 */
export function openFeedbackStore(
  config: DatabaseConfig,
  reportFailure: FailureReport,
): FeedbackStore {
  let ready: Promise<ReturnType<typeof createKyselyStore>> | undefined;

  const attempt = async () => {
    const connection = connect(config, reportFailure);
    try {
      await migrateToLatest(connection);
    } catch (error) {
      await connection.db.destroy().catch(() => undefined);
      throw error;
    }
    return createKyselyStore(connection);
  };

  const connected = () => {
    if (!ready) {
      const started = attempt();
      // A failed attempt is forgotten, so the next use tries again.
      started.catch(() => {
        if (ready === started) ready = undefined;
      });
      ready = started;
    }
    return ready;
  };

  return {
    open: async () => void (await connected()),
    record: async (entry) => (await connected()).record(entry),
    report: async (now) => (await connected()).report(now),
    async *export(filter) {
      yield* (await connected()).export(filter);
    },
    purge: async (cutoff) => (await connected()).purge(cutoff),
    async close() {
      const store = await ready?.catch(() => undefined);
      ready = undefined;
      await store?.close();
    },
  };
}
