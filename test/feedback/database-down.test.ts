import pino from 'pino';
import request from 'supertest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type RunningSite } from '../../src/launch';
import { openFeedbackStore } from '../../src/feedback/open-store';
import type { StoredFeedback } from '../../src/feedback/model';
import { html, nodeById, pathOf, testLaunchConfig, testSite } from '../helpers';
import { startPostgres, type ThrowawayPostgres } from './postgres';

const TASK = nodeById('rl-activate-quality');
const comment = (text: string, lang = 'fr') => ({ page: TASK.id, lang, website: '', trying: text });

/** The real server with its log lines kept, to count what it logged. */
async function launchWithLog(overrides: Parameters<typeof testLaunchConfig>[0]) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const running = await launch(testLaunchConfig({ TRUST_PROXY: ['loopback'], ...overrides }), {
    logger,
    site: await testSite(),
  });
  const errors = () => lines.filter((line) => line.includes('"level":50'));
  return { running, errors };
}

function post(running: RunningSite, fields: Record<string, string>, client: string) {
  return request(running.server)
    .post('/feedback')
    .set('x-forwarded-for', client)
    .type('form')
    .send(fields);
}

async function expectStillServing(running: RunningSite): Promise<void> {
  expect((await request(running.server).get(pathOf(TASK, 'nl'))).status).toBe(200);
  expect((await request(running.server).get('/readyz')).status).toBe(200);
}

describe('with the SQLite file out of reach', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'feedback-down-'));
    writeFileSync(path.join(dir, 'not-a-folder'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, serves pages, stays ready, answers feedback with a localized 503 and logs once', async () => {
    const { running, errors } = await launchWithLog({
      FEEDBACK_DB: path.join(dir, 'not-a-folder', 'feedback.db'),
    });
    try {
      await expectStillServing(running);
      for (const [index, lang] of ['fr', 'nl', 'fr', 'nl'].entries()) {
        const response = await post(
          running,
          comment(`essai ${index}`, lang),
          `198.51.100.${index}`,
        );
        expect(response.status).toBe(503);
        const $ = html(response.text);
        expect($('html').attr('lang')).toBe(lang === 'fr' ? 'fr-BE' : 'nl-BE');
        expect($('h1').text()).toMatch(/n'a pas pu être enregistré|kon niet worden opgeslagen/);
      }
      await expectStillServing(running);
      expect(errors()).toHaveLength(1);
    } finally {
      await running.shutdown();
    }
  });
});

describe('with PostgreSQL going down and coming back', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(() => postgres?.remove());

  async function rows(): Promise<StoredFeedback[]> {
    const store = openFeedbackStore(
      { FEEDBACK_DB: 'unused', DATABASE_URL: postgres.url },
      () => undefined,
    );
    const found: StoredFeedback[] = [];
    for await (const row of store.export({})) found.push(row);
    await store.close();
    return found;
  }

  it('answers 503 while it is down, keeps serving, logs once, and records again once it is back', async () => {
    const { running, errors } = await launchWithLog({ DATABASE_URL: postgres.url });
    try {
      expect((await post(running, comment('avant'), '198.51.100.1')).status).toBe(303);
      postgres.halt();
      for (let index = 0; index < 4; index++) {
        const response = await post(
          running,
          comment(`pendant ${index}`),
          `198.51.100.${10 + index}`,
        );
        expect(response.status).toBe(503);
        expect(html(response.text)('main a').attr('href')).toBe(pathOf(TASK, 'fr'));
      }
      await expectStillServing(running);
      // The pool's lost idle connections and the failed posts: one line for them all.
      expect(errors()).toHaveLength(1);
      postgres.start();
      expect((await post(running, comment('après'), '198.51.100.2')).status).toBe(303);
    } finally {
      await running.shutdown();
    }
    // Nothing half-written: the posts answered 503 left no row.
    expect((await rows()).map((row) => row.trying)).toEqual(['avant', 'après']);
  }, 60_000);

  it('starts while it is down, and migrates and records once it is up', async () => {
    const fresh = await startPostgres();
    try {
      fresh.halt();
      const { running, errors } = await launchWithLog({ DATABASE_URL: fresh.url });
      try {
        await expectStillServing(running);
        expect((await post(running, comment('trop tôt'), '198.51.100.1')).status).toBe(503);
        expect(errors()).toHaveLength(1);
        fresh.start();
        expect((await post(running, comment('enfin'), '198.51.100.2')).status).toBe(303);
      } finally {
        await running.shutdown();
      }
    } finally {
      fresh.remove();
    }
  }, 60_000);
});
