import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../src/app';
import type { TrustProxy } from '../../src/config';
import type { DatabaseConfig } from '../../src/feedback/database';
import { createFeedbackDesk } from '../../src/feedback/desk';
import { throttledFailureLog } from '../../src/feedback/failure-log';
import type { StoredFeedback } from '../../src/feedback/model';
import { openFeedbackStore } from '../../src/feedback/open-store';
import type { FeedbackStore } from '../../src/feedback/store';
import { testApp } from '../helpers';

/** The real app with a real SQLite file, a clock the test moves, and the log lines it wrote. */
export interface FeedbackApp {
  app: Awaited<ReturnType<typeof testApp>>['app'];
  store: FeedbackStore;
  logLines: string[];
  clock: { now: number };
  rows(): Promise<StoredFeedback[]>;
  close(): Promise<void>;
}

export async function feedbackApp(
  options: { trustProxy?: TrustProxy; database?: DatabaseConfig; rateLimit?: boolean } = {},
): Promise<FeedbackApp> {
  const { site } = await testApp();
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-app-'));
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
  const clock = { now: Date.UTC(2026, 5, 1, 9) };
  const now = () => clock.now;
  const reportFailure = throttledFailureLog(logger, now);
  const store = openFeedbackStore(
    options.database ?? { FEEDBACK_DB: path.join(dir, 'feedback.db') },
    reportFailure,
  );
  const desk = createFeedbackDesk({
    store,
    reportFailure,
    rateLimit: options.rateLimit ?? true,
    now,
  });
  const app = createApp({
    site,
    assets: { urls: {}, byUrl: new Map() },
    logger,
    feedback: desk,
    trustProxy: options.trustProxy ?? false,
  });
  return {
    app,
    store,
    logLines,
    clock,
    async rows() {
      const rows: StoredFeedback[] = [];
      for await (const row of store.export({})) rows.push(row);
      return rows;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
