import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import request from 'supertest';
import { historyEntries } from '../src/site/history';
import { plainText } from '../src/content/markdown';
import { PROJECT_ROOT } from '../src/site/startup';
import { html, pageCases, raw, testApp, TEST_BASE_URL, tree } from './helpers';

/** The feed of a language, as the head of each of its pages names it. */
async function feedOf(code: string) {
  const { app } = await testApp();
  const home = html((await request(app).get(`/${code}/`)).text);
  const href = home('link[rel="alternate"][type="application/atom+xml"]').attr('href') ?? '';
  const response = await raw(href, {}, app);
  return { href, response, $: load(response.body.toString(), { xml: true }) };
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe.each(tree.languages)('what changed, in $code', (language) => {
  const entries = historyEntries(tree, language);

  it('has dated changes to list: the content records what moved since the wizard', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it('lists every dated change of every page on its page, newest first, each linking its page', async () => {
    const { app } = await testApp();
    const feedHref = (await feedOf(language.code)).href;
    const pagePath = feedHref.replace(/atom\.xml$/, '');
    const $ = html((await request(app).get(pagePath).expect(200)).text);
    const items = $('main .changes > li');
    expect(items).toHaveLength(entries.length);
    const dates = items.map((_, item) => $(item).find('time').attr('datetime')).get();
    expect(dates).toEqual([...dates].sort().reverse());
    items.each((index, item) => {
      const entry = entries[index];
      expect($(item).find('a').first().attr('href')).toBe(entry?.node.text[language.code]?.path);
    });
  });

  it('offers the same changes as a valid Atom feed, linked from the head of every page', async () => {
    const { href, response, $ } = await feedOf(language.code);
    expect(href).toMatch(new RegExp(`^/${language.code}/`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = $('feed');
    expect(feed.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(feed.attr('xml:lang')).toBe(language.tag);
    // RFC 4287: a feed has an id, a title, an updated date, an author and a link to itself.
    expect(feed.children('id').text()).toMatch(/^https?:\/\//);
    expect(feed.children('title').text()).not.toBe('');
    expect(feed.children('updated').text()).toMatch(RFC_3339);
    expect(feed.children('author').children('name').text()).not.toBe('');
    expect(feed.children('link[rel="self"]').attr('href')).toBe(`${TEST_BASE_URL}${href}`);

    const items = feed.children('entry');
    expect(items).toHaveLength(entries.length);
    const ids = items.map((_, entry) => $(entry).children('id').text()).get();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\S+$/);
    const updated = items.map((_, entry) => $(entry).children('updated').text()).get();
    for (const date of updated) expect(date).toMatch(RFC_3339);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(feed.children('updated').text()).toBe(updated[0]);

    // Each entry links to its page in the feed's language, and that page answers.
    const { app } = await testApp();
    const links = items
      .map((_, entry) => $(entry).children('link[rel="alternate"]').attr('href'))
      .get();
    const ownPaths = new Set(
      tree.nodes.map((node) => `${TEST_BASE_URL}${node.text[language.code]?.path ?? ''}`),
    );
    for (const link of new Set(links)) {
      expect(ownPaths.has(link)).toBe(true);
      await request(app).get(link.slice(TEST_BASE_URL.length)).expect(200);
    }
    items.each((_, entry) => {
      expect($(entry).children('title').text()).not.toBe('');
      expect($(entry).children('summary').text()).not.toBe('');
    });
  });
});

describe.each(pageCases)('page $name', ({ node, language, path }) => {
  const text = node.text[language.code];

  it('never shows both the wording a history line superseded and that line', async () => {
    const { app } = await testApp();
    const $ = html((await request(app).get(path)).text);
    $('.history, .sources').remove();
    const shown = $('main').text().toLocaleLowerCase().replace(/\s+/g, ' ');
    const superseded = readSuperseded(node.file, language.code).map((words) =>
      plainText(words).toLocaleLowerCase().replace(/\s+/g, ' '),
    );
    for (const words of superseded)
      expect({ path, shows: shown.includes(words), words }).toEqual({ path, shows: false, words });
    expect(text?.history.length ?? 0).toBeGreaterThanOrEqual(superseded.length > 0 ? 1 : 0);
  });

  if (node.kind === 'task' || node.kind === 'outcome') {
    it('shows its sources, one entry per official page, linked, with the day read and each sentence relied on', async () => {
      const { app } = await testApp();
      const $ = html((await request(app).get(path)).text);
      const cited = text?.sources ?? [];
      const pages = [...new Set(cited.map((source) => source.url))];
      const items = $('main .sources li.source');
      expect(pages.length).toBeGreaterThan(0);
      expect(items.length).toBe(pages.length);
      items.each((index, item) => {
        const url = pages[index];
        const quotes = cited.filter((source) => source.url === url);
        expect($(item).find('a.external').attr('href')).toBe(url);
        expect($(item).find('.source__meta').text()).toMatch(/\d{4}/);
        const shown = $(item)
          .find('blockquote')
          .map((_, quote) => $(quote).text().trim())
          .get();
        expect(shown).toEqual(quotes.map((source) => source.quote));
        const language = quotes[0]?.language;
        if (language) expect($(item).find('blockquote').attr('lang')).toBe(language);
      });
    });
  }
});

/** The wording each history line of a node's file says it superseded, in one language. */
function readSuperseded(file: string, code: string): string[] {
  const source = parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<
    string,
    { history?: { supersedes?: string[] }[] } | undefined
  >;
  return (source[code]?.history ?? []).flatMap((entry) => entry.supersedes ?? []);
}
