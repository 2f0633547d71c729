import request from 'supertest';
import { languageOfUrl } from '../src/content/links';
import {
  externalLinksInSource,
  fetchedPage,
  html,
  interfaceString,
  nodeById,
  pageCases,
  pathOf,
  testApp,
  tree,
} from './helpers';

describe.each(pageCases)('page $name ($path)', ({ node, language, path }) => {
  let $: ReturnType<typeof html>;
  let status: number;
  let contentType: string;

  beforeAll(async () => {
    ({ status, contentType, $ } = await fetchedPage(path));
  });

  it('answers 200 with HTML', () => {
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/html; charset=utf-8/);
  });

  it('declares its language', () => {
    expect($('html').attr('lang')).toBe(language.tag);
  });

  it('has exactly one h1, and a title naming the page and the service', () => {
    expect($('h1')).toHaveLength(1);
    const title = $('title').text();
    expect(title.endsWith(` – ${interfaceString(language.code, 'site.name')}`)).toBe(true);
  });

  it('links to the same page in every other language', () => {
    for (const other of tree.languages.filter((l) => l.code !== language.code)) {
      const link = $(`header a[hreflang="${other.tag}"]`);
      expect(link.attr('href')).toBe(pathOf(node, other));
      expect(link.attr('lang')).toBe(other.tag);
    }
  });

  it('has a breadcrumb ending on the page itself', () => {
    const crumbs = $('nav.breadcrumb li');
    expect(crumbs.last().attr('aria-current')).toBe('page');
    const links = $('nav.breadcrumb a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(node.trail.map((ancestor) => pathOf(ancestor, language)));
  });

  it('links to the profile definitions and, in the footer, to contact', () => {
    expect($(`a[href="${pathOf(nodeById('definitions'), language)}"]`).length).toBeGreaterThan(0);
    expect($(`footer a[href="${pathOf(nodeById('contact'), language)}"]`)).toHaveLength(1);
  });

  it('shows every external link its content has, marked visibly and for screen readers', () => {
    const written = externalLinksInSource(node, language.code);
    const links = $('main a[href^="http"]');
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual(written);
    links.each((_, element) => {
      const link = $(element);
      expect(link.hasClass('external')).toBe(true);
      expect(link.find('.visually-hidden').text().trim()).toBe(
        interfaceString(language.code, 'link.external'),
      );
    });
  });

  it("leads every external link to a page in the page's language, or says which language", () => {
    const links = $('main a.external');
    expect(links).toHaveLength(externalLinksInSource(node, language.code).length);
    const codes = tree.languages.map((l) => l.code);
    links.each((_, element) => {
      const link = $(element);
      const target = languageOfUrl(new URL(link.attr('href') ?? ''), codes)?.code;
      const declared = link.attr('hreflang');
      if (declared === undefined) {
        if (target) expect(target).toBe(language.code);
        return;
      }
      expect(declared).not.toBe(language.code);
      if (target) expect(target).toBe(declared);
      const visible = link.clone().find('.visually-hidden').remove().end().text();
      expect(visible).toContain(
        `(${interfaceString(language.code, `link.inLanguage.${declared}`)})`,
      );
    });
  });

  it('says, in its own language, when a person last checked it against the official pages', () => {
    expect(node.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Dates follow the conventions of the page's locale (en_GB: "29 November 2026").
    const date = new Intl.DateTimeFormat(language.ogLocale.replace('_', '-'), {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${node.reviewed}T00:00:00Z`));
    expect($('main .reviewed').text()).toBe(
      interfaceString(language.code, 'page.reviewed').replace('{{date}}', date),
    );
  });

  it('ships no JavaScript', () => {
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('[onclick], [onload]')).toHaveLength(0);
  });

  if (node.kind === 'task') {
    it("offers the profile's other tasks and a way to start again", () => {
      const others = (node.profile?.tasks ?? [])
        .filter((task) => task !== node)
        .map((t) => pathOf(t, language));
      const offered = $('nav.more a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(offered).toEqual([...others, pathOf(nodeById('start'), language)]);
    });
  }

  if (node.kind === 'profile') {
    it('lists its tasks in order', () => {
      const listed = $('main ul.choices a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(listed).toEqual(node.tasks.map((task) => pathOf(task, language)));
    });
  }
});

describe('the whole site', () => {
  it.each(tree.languages)('has a unique <title> on every $code page', async (language) => {
    const titles = new Set<string>();
    for (const node of tree.nodes) {
      const { $ } = await fetchedPage(pathOf(node, language));
      titles.add($('title').text());
    }
    expect(titles.size).toBe(tree.nodes.length);
  });

  it.each(pageCases)('round-trips the language switch from $name', async ({ node, language }) => {
    let path = pathOf(node, language);
    for (const other of [...tree.languages.filter((l) => l !== language), language]) {
      const { $ } = await fetchedPage(path);
      path = $(`header a[hreflang="${other.tag}"]`).attr('href') ?? '';
      expect(path).toBe(pathOf(node, other));
    }
  });

  it('offers every language at / without redirecting', async () => {
    const { app } = await testApp();
    const response = await request(app).get('/').set('accept-language', 'nl-BE,nl;q=0.9');
    expect(response.status).toBe(200);
    const $ = html(response.text);
    const homes = $('main a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(homes).toEqual(tree.languages.map((language) => pathOf(tree.home, language)));
  });

  it('serves a deep link cold, whatever the browser language or cookies', async () => {
    const { app } = await testApp();
    const task = nodeById('rl-activate-quality');
    const response = await request(app)
      .get(pathOf(task, 'fr'))
      .set('accept-language', 'nl')
      .set('cookie', 'lang=nl');
    expect(response.status).toBe(200);
    expect(html(response.text)('html').attr('lang')).toBe('fr-BE');
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
