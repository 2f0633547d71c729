import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch } from '../../src/launch';
import type { NewFeedback, StoredFeedback } from '../../src/feedback/model';
import { openFeedbackStore } from '../../src/feedback/open-store';
import { keepRetention } from '../../src/feedback/retention';
import type { FeedbackStore } from '../../src/feedback/store';
import { silentLogger, testLaunchConfig, testSite } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;

function row(createdAt: Date): NewFeedback {
  return {
    createdAt,
    pageId: 'home',
    language: 'fr',
    path: '/fr/',
    kind: 'yes',
    trying: null,
    wrong: null,
    redacted: false,
  };
}

async function ages(store: FeedbackStore, now: number): Promise<number[]> {
  const rows: StoredFeedback[] = [];
  for await (const stored of store.export({})) rows.push(stored);
  return rows.map((stored) => Math.round((now - stored.createdAt.getTime()) / DAY));
}

describe('retention', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'feedback-retention-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes feedback older than FEEDBACK_RETENTION_DAYS when the server starts', async () => {
    const database = { FEEDBACK_DB: path.join(dir, 'feedback.db') };
    const store = openFeedbackStore(database, () => undefined);
    const now = Date.now();
    for (const days of [400, 181, 179, 30, 1]) await store.record(row(new Date(now - days * DAY)));
    await store.close();

    const running = await launch(testLaunchConfig({ ...database, FEEDBACK_RETENTION_DAYS: 180 }), {
      logger: silentLogger,
      site: await testSite(),
    });
    await running.shutdown();
    const after = openFeedbackStore(database, () => undefined);
    expect(await ages(after, now)).toEqual([179, 30, 1]);

    const stricter = await launch(testLaunchConfig({ ...database, FEEDBACK_RETENTION_DAYS: 7 }), {
      logger: silentLogger,
      site: await testSite(),
    });
    await stricter.shutdown();
    expect(await ages(after, now)).toEqual([1]);
    await after.close();
  });

  it('purges again once a day, and reports a failure without stopping', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1), doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const cutoffs: Date[] = [];
      const failures: string[] = [];
      let fail = false;
      const store = {
        purge: (cutoff: Date) => {
          cutoffs.push(cutoff);
          return fail ? Promise.reject(new Error('down')) : Promise.resolve(0);
        },
      } as unknown as FeedbackStore;
      const retention = await keepRetention({
        store,
        days: 180,
        reportFailure: (_, what) => failures.push(what),
      });
      expect(cutoffs).toEqual([new Date(Date.UTC(2026, 0, 1) - 180 * DAY)]);
      fail = true;
      await jest.advanceTimersByTimeAsync(DAY);
      expect(cutoffs).toHaveLength(2);
      expect(failures).toEqual(['deleting old feedback']);
      fail = false;
      await jest.advanceTimersByTimeAsync(DAY);
      expect(cutoffs.map((cutoff) => cutoff.toISOString().slice(0, 10))).toEqual([
        '2025-07-05',
        '2025-07-06',
        '2025-07-07',
      ]);
      retention.stop();
      await jest.advanceTimersByTimeAsync(3 * DAY);
      expect(cutoffs).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
