import { load, type CheerioAPI } from 'cheerio';
import type { ContentNode } from '../src/content/tree';
import request from 'supertest';
import {
  html,
  interfaceString,
  pageCases,
  pathOf,
  TEST_BASE_URL,
  testApp,
  tree,
  verdictText,
} from './helpers';

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

  // Where the page gives a verdict, the description opens with it, as the page does.
  const description = [verdictText(node, language.code), node.text[language.code]?.description]
    .filter(Boolean)
    .join(' ');

  it('has a description from its own content, opening with its verdict if it has one', () => {
    expect($('meta[name="description"]').attr('content')).toBe(description);
  });

  it('has complete Open Graph tags', () => {
    const og = (property: string) => $(`meta[property="og:${property}"]`).attr('content');
    expect(og('url')).toBe(`${TEST_BASE_URL}${path}`);
    expect(og('title')).toBeTruthy();
    expect(og('description')).toBe(description);
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

  it('has a JSON-LD breadcrumb on every page of the wizard, not on home and site pages', () => {
    const scripts = $('script[type="application/ld+json"]');
    if (node.kind === 'home' || node.kind === 'page') {
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

/** The sitemap's <url> elements by their <loc>. */
function sitemapEntries($: CheerioAPI) {
  return new Map(
    $('url')
      .toArray()
      .map((url) => [$(url).children('loc').text(), $(url)] as const),
  );
}

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
    const entries = sitemapEntries($);
    for (const { path } of pageCases) {
      const url = entries.get(`${TEST_BASE_URL}${path}`);
      expect(url?.find('xhtml\\:link, link').length).toBe(tree.languages.length + 1);
    }
  });

  it('gives each content page the day it was last checked as lastmod', async () => {
    const { app } = await testApp();
    const $ = load((await request(app).get('/sitemap.xml')).text, { xml: true });
    expect(pageCases.length).toBeGreaterThan(0);
    const entries = sitemapEntries($);
    for (const { node, path } of pageCases) {
      const url = entries.get(`${TEST_BASE_URL}${path}`);
      expect(url?.find('lastmod').text()).toBe(node.reviewed);
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

/** Where a task can end: itself when it answers outright, else each outcome of its question. */
function finalAnswers(node: ContentNode): ContentNode[] {
  return node.options.length > 0 ? node.options.flatMap(finalAnswers) : [node];
}

describe('who can do what', () => {
  it.each(tree.languages)(
    'gives, in $code, the verdicts of the content in every cell, each linked to its precise answer',
    async (language) => {
      const { app } = await testApp();
      const home = html((await request(app).get(pathOf(tree.home, language))).text);
      const matrixPath =
        home('footer a')
          .filter((_, a) => home(a).text().trim() === interfaceString(language.code, 'nav.matrix'))
          .attr('href') ?? '';
      const $ = html((await request(app).get(matrixPath)).text);
      expect($('table caption').text()).not.toBe('');
      expect($('thead th[scope="col"]')).toHaveLength(tree.profiles.length + 1);
      const rows = $('tbody tr');
      expect(tree.topics.length).toBeGreaterThan(0);
      expect(rows).toHaveLength(tree.topics.length);
      let answers = 0;
      tree.topics.forEach((topic, index) => {
        const row = rows.eq(index);
        expect(row.find('th a').attr('href')).toBe(pathOf(topic, language));
        const cells = row.find('td');
        expect(cells).toHaveLength(tree.profiles.length);
        tree.profiles.forEach((profile, column) => {
          const cell = cells.eq(column);
          const task = topic.tasks.find((candidate) => candidate.profile === profile);
          const links = cell.find('a');
          if (!task) {
            expect(links).toHaveLength(0);
            expect(cell.find('.visually-hidden').text()).not.toBe('');
            return;
          }
          const finals = finalAnswers(task);
          expect(links).toHaveLength(finals.length);
          finals.forEach((final, k) => {
            const link = links.eq(k);
            answers += 1;
            expect(link.attr('href')).toBe(pathOf(final, language));
            const visible = link.clone().find('.visually-hidden').remove().end().text();
            expect(visible).toContain(verdictText(final, language.code, 'short'));
            if (final !== task) expect(visible).toContain(final.text[language.code]?.condition);
            // Screen readers hear the profile and the task before the verdict.
            const hidden = link.find('.visually-hidden').text();
            expect(hidden).toContain(profile.text[language.code]?.title);
            expect(hidden).toContain(task.text[language.code]?.title);
          });
        });
      });
      const everyAnswer = tree.nodes.filter(
        (node) => node.verdict && node.options.length === 0,
      ).length;
      expect(answers).toBe(everyAnswer);
    },
  );
});
