import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connect } from '../../src/feedback/database';
import { migrateToLatest } from '../../src/feedback/migrations';
import type { NewFeedback, StoredFeedback } from '../../src/feedback/model';
import { openFeedbackStore } from '../../src/feedback/open-store';
import type { FeedbackStore } from '../../src/feedback/store';
import { BACKENDS, type Backend } from './backends';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

function entry(overrides: Partial<NewFeedback> = {}): NewFeedback {
  return {
    createdAt: daysAgo(1),
    pageId: 'rl-activate-quality',
    language: 'fr',
    path: '/fr/representant-legal/activer-une-qualite/',
    kind: 'yes',
    trying: null,
    wrong: null,
    redacted: false,
    ...overrides,
  };
}

async function all(store: FeedbackStore, filter = {}): Promise<StoredFeedback[]> {
  const rows: StoredFeedback[] = [];
  for await (const row of store.export(filter)) rows.push(row);
  return rows;
}

/** The same table of tests on each database the server can use. */
describe.each(BACKENDS)('the feedback store on $name', ({ create }) => {
  let backend: Backend;
  let store: FeedbackStore;

  beforeAll(async () => {
    backend = await create();
  });
  afterAll(() => backend?.remove());
  beforeEach(async () => {
    store = openFeedbackStore(backend.config, () => undefined);
    await store.open();
    await store.purge(new Date('3000-01-01'));
  });
  afterEach(() => store.close());

  it('migrates once: opening again finds the schema up to date', async () => {
    const again = openFeedbackStore(backend.config, () => undefined);
    await again.open();
    await again.close();
    const connection = connect(backend.config, () => undefined);
    await migrateToLatest(connection);
    const applied = await sql<{ name: string }>`select name from feedback_migration`.execute(
      connection.db,
    );
    await connection.db.destroy();
    expect(applied.rows.map((row) => row.name)).toEqual(['0001-create-feedback']);
  });

  it('keeps every character of a comment: accents, quotes, newlines, emoji, 500 characters', async () => {
    const texts = [
      'Où se trouve « Ma gestion des rôles eGov » ?',
      'Ligne 1\nLigne 2, avec "guillemets", virgule; et =SOMME(A1)',
      'Ééé ñ ü ß 中文 🙂',
      'x'.repeat(500),
    ];
    for (const text of texts) {
      await store.record(entry({ kind: 'comment', trying: text, wrong: null, redacted: true }));
    }
    const rows = await all(store);
    expect(rows).toHaveLength(texts.length);
    expect(rows.map((row) => row.trying)).toEqual(texts);
    expect(rows.every((row) => row.kind === 'comment' && row.wrong === null && row.redacted)).toBe(
      true,
    );
    expect(rows[0]?.createdAt).toEqual(daysAgo(1));
  });

  it('exports in the order recorded, across many pages of rows, filtered by date and path', async () => {
    const count = 1203;
    for (let index = 0; index < count; index++) {
      await store.record(
        entry({
          createdAt: daysAgo(index % 2 === 0 ? 10 : 40),
          language: index % 3 === 0 ? 'nl' : 'fr',
          path: index % 3 === 0 ? '/nl/home/' : '/fr/representant-legal/activer-une-qualite/',
        }),
      );
    }
    const rows = await all(store);
    expect(rows).toHaveLength(count);
    expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => a - b));
    const recent = await all(store, { since: daysAgo(20) });
    expect(recent).toHaveLength(602);
    expect(recent.every((row) => row.createdAt >= daysAgo(20))).toBe(true);
    const french = await all(store, { pathPrefix: '/fr/representant-legal/' });
    expect(french).toHaveLength(802);
    const both = await all(store, { since: daysAgo(20), pathPrefix: '/nl/' });
    expect(both).toHaveLength(201);
    expect(
      await all(store, { pathPrefix: '/fr/representant-legal/activer-une-qualite/x' }),
    ).toEqual([]);
  }, 60_000);

  it('reports yes and no per page and language over 7, 30 and 90 days', async () => {
    const rows: Partial<NewFeedback>[] = [
      { kind: 'yes', createdAt: daysAgo(1) },
      { kind: 'no', createdAt: daysAgo(2) },
      { kind: 'no', createdAt: daysAgo(20) },
      { kind: 'yes', createdAt: daysAgo(60) },
      { kind: 'yes', createdAt: daysAgo(100) },
      { kind: 'comment', trying: 'où ?', createdAt: daysAgo(3) },
      {
        kind: 'no',
        createdAt: daysAgo(5),
        language: 'nl',
        path: '/nl/wettelijke-vertegenwoordiger/een-hoedanigheid-activeren/',
      },
      // The same page under an older address: counted with it, named by the newer one.
      { kind: 'yes', createdAt: daysAgo(50), pageId: 'start', path: '/fr/je-suis/' },
      { kind: 'no', createdAt: daysAgo(4), pageId: 'start', path: '/fr/je-suis-un/' },
    ];
    for (const row of rows) await store.record(entry(row));
    const report = await store.report(NOW);
    const byKey = new Map(report.map((tally) => [`${tally.language} ${tally.pageId}`, tally]));
    expect([...byKey.keys()].sort()).toEqual([
      'fr rl-activate-quality',
      'fr start',
      'nl rl-activate-quality',
    ]);
    expect(byKey.get('fr rl-activate-quality')).toEqual({
      pageId: 'rl-activate-quality',
      language: 'fr',
      path: '/fr/representant-legal/activer-une-qualite/',
      votes: { 7: { yes: 1, no: 1 }, 30: { yes: 1, no: 2 }, 90: { yes: 2, no: 2 } },
      comments: 1,
    });
    expect(byKey.get('nl rl-activate-quality')?.votes[7]).toEqual({ yes: 0, no: 1 });
    expect(byKey.get('fr start')).toMatchObject({
      path: '/fr/je-suis-un/',
      votes: { 7: { yes: 0, no: 1 }, 30: { yes: 0, no: 1 }, 90: { yes: 1, no: 1 } },
    });
  });

  it('purges the rows recorded before the cutoff, and only those', async () => {
    for (const days of [200, 181, 179, 1]) await store.record(entry({ createdAt: daysAgo(days) }));
    expect(await store.purge(daysAgo(180))).toBe(2);
    const left = await all(store);
    expect(left.map((row) => row.createdAt)).toEqual([daysAgo(179), daysAgo(1)]);
  });

  it('writes a row whole or not at all: the schema refuses an unknown kind', async () => {
    await store.record(entry());
    const broken = entry({ kind: 'maybe' as NewFeedback['kind'], trying: 'half' });
    // Matched by message: better-sqlite3's errors come from the realm of the first test file
    // that loaded it, so `instanceof Error` fails in later ones.
    await expect(store.record(broken)).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/check/i),
    );
    expect(await all(store)).toHaveLength(1);
  });

  it('fails a bad row alone when posts arriving together are written together', async () => {
    const results = await Promise.allSettled([
      store.record(entry({ trying: 'a' })),
      store.record(entry({ kind: 'maybe' as NewFeedback['kind'] })),
      store.record(entry({ trying: 'b' })),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await all(store)).map((row) => row.trying)).toEqual(['a', 'b']);
  });

  it('records concurrent posts, each once', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        store.record(entry({ kind: 'comment', trying: `n° ${index}` })),
      ),
    );
    const rows = await all(store);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row.trying)).size).toBe(50);
  });
});

describe('the SQLite file', () => {
  it('is created with its folder on first use, in WAL mode with synchronous=FULL', async () => {
    const backend = await BACKENDS[0]?.create();
    if (!backend) throw new Error('no SQLite backend');
    try {
      const file = backend.config.FEEDBACK_DB;
      expect(existsSync(path.dirname(file))).toBe(false);
      const connection = connect(backend.config, () => undefined);
      await migrateToLatest(connection);
      expect(existsSync(file)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(connection.db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(connection.db);
      await connection.db.destroy();
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      // 2 is FULL: the WAL is synced on every commit.
      expect(sync.rows[0]?.synchronous).toBe(2);
    } finally {
      backend.remove();
    }
  });
});
