import { load } from 'cheerio';
import request from 'supertest';
import { html, nodeById, pageCases, pathOf, TEST_BASE_URL, testApp, tree } from './helpers';

describe.each(pageCases)('metadata of $name', ({ node, language, path }) => {
  let $: ReturnType<typeof html>;

  beforeAll(async () => {
    const { app } = await testApp();
    // A forged Host header must not leak into canonical URLs.
    $ = html((await request(app).get(path).set('host', 'evil.example')).text);
  });

  it('has a canonical URL built from BASE_URL', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(`${TEST_BASE_URL}${path}`);
  });

  it('lists every language version and x-default', () => {
    const alternates = Object.fromEntries(
      $('link[rel="alternate"][hreflang]')
        .map((_, l) => [[$(l).attr('hreflang'), $(l).attr('href')]])
        .get(),
    );
    const expected = Object.fromEntries([
      ...tree.languages.map((l) => [l.tag, `${TEST_BASE_URL}${pathOf(node, l)}`]),
      ['x-default', `${TEST_BASE_URL}/`],
    ]);
    expect(alternates).toEqual(expected);
  });

  it('has a description from its own content', () => {
    expect($('meta[name="description"]').attr('content')).toBe(
      node.text[language.code]?.description,
    );
  });

  it('has complete Open Graph tags', () => {
    const og = (property: string) => $(`meta[property="og:${property}"]`).attr('content');
    expect(og('url')).toBe(`${TEST_BASE_URL}${path}`);
    expect(og('title')).toBeTruthy();
    expect(og('description')).toBe(node.text[language.code]?.description);
    expect(og('type')).toBe('website');
    expect(og('site_name')).toBeTruthy();
    expect(og('locale')).toBe(language.ogLocale);
    const alternateLocales = $('meta[property="og:locale:alternate"]')
      .map((_, m) => $(m).attr('content'))
      .get();
    expect(alternateLocales).toEqual(
      tree.languages.filter((l) => l !== language).map((l) => l.ogLocale),
    );
  });

  it('has a JSON-LD breadcrumb on profile and task pages only', () => {
    const scripts = $('script[type="application/ld+json"]');
    if (node.kind !== 'task' && node.kind !== 'profile') {
      expect(scripts).toHaveLength(0);
      return;
    }
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts.text());
    expect(data['@type']).toBe('BreadcrumbList');
    const items = data.itemListElement.map((item: { item: string }) => item.item);
    expect(items).toEqual(
      [...node.trail, node].map((n) => `${TEST_BASE_URL}${pathOf(n, language)}`),
    );
  });
});

describe('sitemap and robots', () => {
  it('lists every page of every language, with alternates, and nothing else', async () => {
    const { app, site } = await testApp();
    const response = await request(app).get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    const $ = load(response.text, { xml: true });
    const locs = $('url > loc')
      .map((_, l) => $(l).text())
      .get();
    const htmlPages = [...site.pages.keys()].filter((path) => path.endsWith('/'));
    expect(locs.sort()).toEqual(htmlPages.map((path) => `${TEST_BASE_URL}${path}`).sort());
    for (const { path } of pageCases) {
      const url = $('url').filter((_, u) => $(u).find('loc').text() === `${TEST_BASE_URL}${path}`);
      expect(url.find('xhtml\\:link, link').length).toBe(tree.languages.length + 1);
    }
  });

  it('every page in the sitemap answers 200 with the same canonical URL', async () => {
    const { app } = await testApp();
    const $ = load((await request(app).get('/sitemap.xml')).text, { xml: true });
    const locs = $('url > loc')
      .map((_, l) => $(l).text())
      .get();
    // The loop below covers at least the language choice and every page of every language.
    const contentPages = ['/', ...pageCases.map(({ path }) => path)];
    expect(locs).toEqual(expect.arrayContaining(contentPages.map((p) => `${TEST_BASE_URL}${p}`)));
    expect(locs.length).toBeGreaterThanOrEqual(contentPages.length);
    for (const loc of locs) {
      const path = loc.slice(TEST_BASE_URL.length);
      const page = await request(app).get(path);
      expect(page.status).toBe(200);
      expect(html(page.text)('link[rel="canonical"]').attr('href')).toBe(loc);
    }
  });

  it('robots.txt points at the sitemap', async () => {
    const { app } = await testApp();
    const response = await request(app).get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.text).toContain(`Sitemap: ${TEST_BASE_URL}/sitemap.xml`);
  });
});

describe('who can do what', () => {
  it.each(tree.languages)('links, in $code, to every answer exactly once', async (language) => {
    const { app } = await testApp();
    const home = html((await request(app).get(pathOf(tree.home, language))).text);
    const matrixPath =
      home('footer a')
        .filter((_, a) => /quoi|wat/i.test(home(a).text()))
        .attr('href') ?? '';
    const $ = html((await request(app).get(matrixPath)).text);
    expect($('table caption').text()).not.toBe('');
    expect($('thead th[scope="col"]')).toHaveLength(tree.profiles.length + 1);
    const answers = $('tbody td a')
      .map((_, a) => $(a).attr('href'))
      .get();
    const tasks = tree.nodes.filter((node) => node.kind === 'task');
    expect(answers.sort()).toEqual(tasks.map((task) => pathOf(task, language)).sort());
    // One row per topic, one cell per profile; each answer sits under its own profile's column.
    const rows = $('tbody tr');
    expect(rows.length).toBe(new Set(tasks.map((task) => task.topic)).size);
    rows.each((_, row) => {
      const cells = $(row).find('td');
      expect(cells.length).toBe(tree.profiles.length);
      cells.each((column, cell) => {
        const href = $(cell).find('a').attr('href');
        if (href) {
          const answer = tasks.find((task) => pathOf(task, language) === href);
          expect(answer?.profile?.id).toBe(tree.profiles[column]?.id);
        } else expect($(cell).find('.visually-hidden').text()).not.toBe('');
      });
    });
  });

  it('puts the same question of different profiles on one row', async () => {
    const { app } = await testApp();
    const matrixPath = `/fr/${'qui-peut-faire-quoi'}/`;
    const $ = html((await request(app).get(matrixPath)).text);
    const row = $('tbody tr').filter(
      (_, r) => $(r).find(`a[href="${pathOf(nodeById('rae-activate-quality'), 'fr')}"]`).length > 0,
    );
    expect(row.find(`a[href="${pathOf(nodeById('rl-activate-quality'), 'fr')}"]`)).toHaveLength(1);
  });
});
