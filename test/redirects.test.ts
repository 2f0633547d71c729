import request from 'supertest';
import { nodeById, pageCases, pathOf, testApp, tree } from './helpers';

const withoutSlash = pageCases.filter(({ path }) => path.length > 1);

describe('canonical URLs', () => {
  it.each(withoutSlash)('301s $name without its trailing slash', async ({ path }) => {
    const { app } = await testApp();
    const response = await request(app).get(path.slice(0, -1));
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(path);
  });

  it.each(pageCases)('301s $name written in capitals', async ({ path }) => {
    const { app } = await testApp();
    const response = await request(app).get(path.toUpperCase());
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(path);
  });

  const crossLanguage = pageCases.flatMap((row) =>
    tree.languages
      .filter((other) => other.code !== row.language.code && row.node.kind !== 'home')
      .map((other) => ({
        ...row,
        // The page's path under this language's prefix, but with the other language's slugs.
        mixed: `/${row.language.code}${pathOf(row.node, other).slice(other.code.length + 1)}`,
      }))
      .filter(({ mixed, path }) => mixed !== path),
  );

  it.each(crossLanguage)(
    "301s $name written with another language's slugs ($mixed)",
    async (row) => {
      const { app } = await testApp();
      const response = await request(app).get(row.mixed);
      expect(response.status).toBe(301);
      expect(response.headers.location).toBe(row.path);
    },
  );

  it('keeps the query string when redirecting', async () => {
    const { app } = await testApp();
    const path = pathOf(nodeById('rl-register'), 'fr');
    const response = await request(app).get(`${path.slice(0, -1)}?utm_source=mail`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(`${path}?utm_source=mail`);
  });

  it('redirects /FR to the French home page', async () => {
    const { app } = await testApp();
    const first = await request(app).get('/FR');
    expect(first.status).toBe(301);
    expect(first.headers.location).toBe('/fr/');
  });

  it('does not redirect a page by the browser language', async () => {
    const { app } = await testApp();
    const response = await request(app).get('/nl/').set('accept-language', 'fr-BE');
    expect(response.status).toBe(200);
  });
});
