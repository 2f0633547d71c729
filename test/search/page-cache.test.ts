import request from 'supertest';
import { createApp } from '../../src/app';
import { DEFAULT_CACHE_LIMITS, SearchPageCache } from '../../src/http/search-cache';
import { raw, silentLogger, testApp, testFeedbackDesk } from '../helpers';

/**
 * A page of 10 KB whose text depends on its key alone, as a search page does, and that no
 * compression makes much smaller: 64 different letters, in an order drawn from the key.
 */
const pageFor = (key: string) => () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let state = [...key].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
  let text = '';
  for (let index = 0; index < 10_000; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    text += letters[state >>> 26];
  }
  return Buffer.from(text);
};

describe('the cache of finished search pages', () => {
  beforeAll(async () => {
    await testApp();
  }, 60_000);

  it('stays within its memory budget, whatever queries arrive, and keeps what is used', () => {
    const maxBytes = 300_000;
    const cache = new SearchPageCache({ ...DEFAULT_CACHE_LIMITS, maxBytes });
    const keys = Array.from({ length: 500 }, (_, index) => `fr query ${index}`);
    expect(keys).toHaveLength(500);
    for (const [index, key] of keys.entries()) {
      // Twice: a page is kept from the second time its query comes.
      for (let time = 0; time < 2; time++) {
        cache.page(key, index % 3 === 0 ? 'br' : 'gzip', pageFor(key));
      }
      // A page asked for all along is never the least recently used.
      cache.page('fr kept', 'br', pageFor('fr kept'));
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
      // Honest accounting: every page held counts its compressed bytes, about 7 KB each.
      expect(cache.bytes).toBeGreaterThanOrEqual(cache.size * 6_000);
    }
    expect(cache.size).toBeLessThanOrEqual(Math.floor(maxBytes / 6_000));
    let renders = 0;
    cache.page('fr kept', 'br', () => {
      renders += 1;
      return Buffer.from('never');
    });
    cache.page(keys[0] ?? '', 'br', () => {
      renders += 1;
      return pageFor(keys[0] ?? '')();
    });
    // The page used all along is still there; the first, never used again, was dropped.
    expect(renders).toBe(1);
  });

  it('keeps a page from the second time its query comes, never one asked once', () => {
    const cache = new SearchPageCache();
    let renders = 0;
    const ask = (key: string) =>
      cache.page(key, 'br', () => {
        renders += 1;
        return pageFor(key)();
      });
    const once = Array.from({ length: 100 }, (_, index) => `fr asked once ${index}`);
    for (const key of once) ask(key);
    expect(cache.size).toBe(0);
    expect(renders).toBe(once.length);
    for (let time = 0; time < 3; time++) ask('fr asked again');
    // Made the first two times, kept the second, sent from the cache the third.
    expect(renders).toBe(once.length + 2);
    expect(cache.size).toBe(1);
  });

  it.each(['br', 'gzip', 'identity'])(
    'sends the same bytes and ETag for the same query, however spelled (%s)',
    async (encoding) => {
      const { site } = await testApp();
      const [path] = [...site.searchPaths.keys()];
      const spellings = ['Qualité  RAE', ' Qualite\u0301 RAE ', 'Qualité\tRAE'];
      const responses = [];
      for (const q of spellings) {
        responses.push(
          await raw(`${path}?q=${encodeURIComponent(q)}`, { 'accept-encoding': encoding }),
        );
      }
      // And from a new app with an empty cache: the bytes come from the query, not the cache.
      const fresh = createApp({
        site,
        assets: { urls: {}, byUrl: new Map() },
        logger: silentLogger,
        feedback: testFeedbackDesk(),
      });
      const again = await raw(
        `${path}?q=${encodeURIComponent(spellings[0] ?? '')}`,
        { 'accept-encoding': encoding },
        fresh,
      );
      expect(responses).toHaveLength(3);
      const [first] = responses;
      expect(first?.body.length).toBeGreaterThan(1000);
      for (const response of [
        ...responses.slice(1),
        { body: again.body as Buffer, headers: again.headers },
      ]) {
        expect(response.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
        expect(response.headers.etag).toBe(first?.headers.etag);
      }
    },
  );

  it('answers 304 to a browser that has the page', async () => {
    const { site, app } = await testApp();
    const [path] = [...site.searchPaths.keys()];
    const first = await request(app)
      .get(path ?? '')
      .query({ q: 'rae' });
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const second = await request(app)
      .get(path ?? '')
      .query({ q: 'rae' })
      .set('if-none-match', etag);
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    expect(second.headers['x-robots-tag']).toBe('noindex');
  });
});
