import { readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { DEFAULT_PATHS } from '../src/site/startup';
import { html, nodeById, pathOf, raw, testApp } from './helpers';
import { visits } from './visits';

const TASK = () => pathOf(nodeById('rl-activate-quality'), 'fr');

describe('caching and compression', () => {
  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { app } = await testApp();
    const first = await request(app).get(TASK());
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const second = await request(app)
      .get(TASK())
      .set('if-none-match', first.headers.etag ?? '');
    expect(second.status).toBe(304);
    expect(second.text).toBeFalsy();
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined],
  ])('for Accept-Encoding "%s" sends %s', async (accept, expected) => {
    const response = await raw(TASK(), { 'accept-encoding': accept });
    expect(response.headers['content-encoding']).toBe(expected);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
  });

  it('sends pages with a short shared cache lifetime', async () => {
    const { app } = await testApp();
    const response = await request(app).get(TASK());
    expect(response.headers['cache-control']).toMatch(
      /^public, max-age=300, stale-while-revalidate=\d+$/,
    );
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { app } = await testApp();
    const get = await request(app).get(TASK()).set('accept-encoding', 'gzip');
    const head = await request(app).head(TASK()).set('accept-encoding', 'gzip');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.text).toBeFalsy();
  });

  it('fingerprints assets and lets browsers keep them forever', async () => {
    const { app } = await testApp();
    const $ = html((await request(app).get(TASK())).text);
    const stylesheet = $('link[rel="stylesheet"]').attr('href') ?? '';
    expect(stylesheet).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    const response = await request(app).get(stylesheet);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends exactly the same security headers on every kind of response', async () => {
    const { app, site } = await testApp();
    const securityHeaders = (headers: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(headers).filter(([name]) =>
          /^(content-security-policy|strict-transport|x-(?!robots)|referrer-policy|cross-origin|permissions-policy|origin-agent)/.test(
            name,
          ),
        ),
      );
    const $ = html((await request(app).get(TASK())).text);
    const searchPath = [...site.searchPaths.keys()][0] ?? '';
    const responses = await Promise.all(
      [
        TASK(),
        $('link[rel="stylesheet"]').attr('href') ?? '',
        TASK().slice(0, -1),
        '/fr/nope/',
        `${searchPath}?q=rae`,
        '/healthz',
        '/%',
      ].map((url) => request(app).get(url)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 301, 404, 200, 200, 400]);
    const [first, ...others] = responses.map((r) => securityHeaders(r.headers));
    expect(Object.keys(first ?? {}).length).toBeGreaterThanOrEqual(8);
    for (const other of others) expect(other).toEqual(first);
    expect(responses.every((r) => r.headers['x-powered-by'] === undefined)).toBe(true);
  });
});

describe('budgets', () => {
  // Every HTML page: content pages, the table, the overview, search and the error pages.
  it.each(visits)('$name is at most 14 KB gzipped', async ({ path, status }) => {
    const response = await raw(path, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(status);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.length).toBeLessThanOrEqual(14 * 1024);
  });

  it('keeps all CSS the pages link together at most 12 KB (gzipped, as sent)', async () => {
    const { app } = await testApp();
    const stylesheets = new Set<string>();
    for (const visit of visits) {
      const $ = html((await request(app).get(visit.path)).text);
      const linked = $('link[rel="stylesheet"]')
        .map((_, link) => $(link).attr('href'))
        .get();
      expect({ page: visit.path, linked: linked.length > 0 }).toEqual({
        page: visit.path,
        linked: true,
      });
      for (const href of linked) stylesheets.add(href);
    }
    expect(stylesheets.size).toBeGreaterThan(0);
    let total = 0;
    for (const href of stylesheets) {
      const sent = await raw(href, { 'accept-encoding': 'gzip' });
      expect(sent.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(sent.headers['content-encoding']).toBe('gzip');
      expect(Number(sent.headers['content-length'])).toBe(sent.body.length);
      // What the browser unpacks is the stylesheet itself.
      const plain = await raw(href, { 'accept-encoding': 'identity' });
      expect(gunzipSync(sent.body).equals(plain.body)).toBe(true);
      total += sent.body.length;
    }
    expect(total).toBeLessThanOrEqual(12 * 1024);
  });

  it('ships no JavaScript file', () => {
    const files = readdirSync(DEFAULT_PATHS.staticDir, { recursive: true }).map(String);
    expect(files.filter((name) => /\.m?js$/.test(name))).toEqual([]);
  });
});
