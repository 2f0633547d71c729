import request from 'supertest';
import { html, nodeById, pathOf, TEST_BASE_URL, testApp } from './helpers';

const TASK = () => pathOf(nodeById('rae-activate-quality'), 'nl');

describe('security headers', () => {
  it.each(['/', '/fr/', '/nl/nope/', '/robots.txt', '/%'])('are strict on %s', async (path) => {
    const { app } = await testApp();
    const { headers } = await request(app).get(path);
    // Exactly the values docs/operations.md documents (its nginx example spells them out).
    expect((headers['content-security-policy'] ?? '').split(';').map((d) => d.trim())).toEqual([
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    const permissions = (headers['permissions-policy'] ?? '').split(',').map((p) => p.trim());
    expect(permissions.length).toBeGreaterThan(10);
    expect(permissions.every((p) => /^[a-z-]+=\(\)$/.test(p))).toBe(true);
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['set-cookie']).toBeUndefined();
  });
});

describe('bad requests', () => {
  it.each([
    ['/fr/%E0%A4%A', 'fr-BE'],
    ['/nl/%zz/', 'nl-BE'],
    ['/%', undefined],
  ])('answers malformed percent-encoding %s with a 400 page', async (path, lang) => {
    const { app } = await testApp();
    const response = await request(app).get(path);
    expect(response.status).toBe(400);
    if (lang) expect(html(response.text)('html').attr('lang')).toBe(lang);
  });

  it.each([
    '/../package.json',
    '/assets/../package.json',
    '/assets/%2e%2e/package.json',
    '/assets/%2e%2e%2fpackage.json',
    '/assets/..%5cpackage.json',
    '/assets/..\\package.json',
    '/assets/%00/../../.env',
    '/package.json',
    '/.env',
    '/.git/config',
    '/.git/HEAD',
    '/src/server.ts',
    '/dist/server.js',
    '/content/pages/home.yaml',
    '/content/locales/fr/common.json',
    '/views/layout.njk',
    '/static/site.css',
    '/node_modules/express/package.json',
  ])('never serves a file outside the assets: %s', async (path) => {
    const { app } = await testApp();
    const response = await request(app).get(path);
    expect([400, 404]).toContain(response.status);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).not.toMatch(
      /"dependencies"|\[core\]|ref: refs|createApp|title: |"nav"|\{% /,
    );
  });

  it('answers a URL longer than 2 KB with 414', async () => {
    const { app } = await testApp();
    const response = await request(app).get(`/fr/${'a'.repeat(2100)}`);
    expect(response.status).toBe(414);
    expect(html(response.text)('html').attr('lang')).toBe('fr-BE');
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])(
    'answers %s on a page with 405 and Allow, echoing nothing',
    async (method) => {
      const { app } = await testApp();
      const agent = request(app);
      const call = agent[method.toLowerCase() as 'post'].bind(agent);
      const response = await call(TASK()).set('x-probe', '<echo-me>').send('body=<echo-me>');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.text ?? '').not.toContain('echo-me');
    },
  );

  it.each([`/fr/<script>alert(1)</script>/`, `/fr/"onmouseover="alert(1)/`, `/nl/'><img src=x>/`])(
    'never reflects markup from the path %s',
    async (path) => {
      const { app } = await testApp();
      const response = await request(app).get(encodeURI(path));
      expect(response.text).not.toMatch(/<script>alert|onmouseover="alert|<img src=x>/);
    },
  );

  it('never reflects markup from a query, even on a redirect', async () => {
    const { app } = await testApp();
    const response = await request(app).get(`${TASK().slice(0, -1)}?q="><script>alert(1)</script>`);
    expect(response.status).toBe(301);
    expect(response.headers.location).not.toMatch(/[<>"]/);
    expect(response.text ?? '').not.toContain('<script>alert');
  });

  it('ignores a forged Host header, odd languages and cookies', async () => {
    const { app } = await testApp();
    const plain = await request(app).get(TASK());
    const odd = await request(app)
      .get(TASK())
      .set('host', 'evil.example')
      .set('x-forwarded-host', 'evil.example')
      .set('accept-language', '*;q=abc, ä-ü, ' + 'x'.repeat(500))
      .set('cookie', 'lang=fr; session=<script>');
    expect(odd.status).toBe(200);
    expect(odd.text).toBe(plain.text);
    const redirect = await request(app).get(TASK().slice(0, -1)).set('host', 'evil.example');
    expect(redirect.headers.location).toBe(TASK());
    expect(html(odd.text)('link[rel="canonical"]').attr('href')).toBe(`${TEST_BASE_URL}${TASK()}`);
  });

  it('answers an unknown language prefix with a 404 that links to the language choice', async () => {
    const { app } = await testApp();
    const response = await request(app).get('/xx/home/');
    expect(response.status).toBe(404);
    expect(html(response.text)('main a[href="/"]').length).toBeGreaterThan(0);
  });
});
