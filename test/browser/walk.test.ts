/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../src/content/tree';
import { pathOf, testApp, tree } from '../helpers';
import { GENERATED_PAGES } from '../../src/site/layout';
import { generatedPath, startSession, visits, type Session } from './support';

/** Each page as one row of paths, one per language: content pages, then generated ones. */
const versions: Record<string, string>[] = [
  ...tree.nodes.map((node) => tree.languages.map((l) => [l.code, pathOf(node, l)])),
  ...GENERATED_PAGES.map((page) =>
    tree.languages.map((l) => [l.code, generatedPath(page, l.code)]),
  ),
].map((pairs) => Object.fromEntries(pairs));

function samePageIn(language: Language, path: string): string | undefined {
  return versions.find((row) => Object.values(row).includes(path))?.[language.code];
}

/** Paths of every HTML page the site has rendered, the language choice at `/` included. */
async function servedPages(): Promise<string[]> {
  const { site } = await testApp();
  return [...site.pages.entries()]
    .filter(([, page]) => page.headers['content-type']?.startsWith('text/html'))
    .map(([path]) => path);
}

/**
 * With JavaScript off, a reader starts at `/` and only ever clicks links (and the browser's
 * Back button): the walk must reach every page, and every language link must lead to the
 * same page in the other language.
 */

interface FoundLink {
  /** What the reader sees: the link's text. */
  name: string;
  /** The href as written in the page, to pick this very link. */
  href: string;
  /** The path it leads to, without query or fragment. */
  path: string;
}

interface Switch {
  from: string;
  expected: { path: string; lang: string };
  landed: { path: string; lang: string | null };
}

interface Walk {
  /** Paths reached, in the order they were first reached. */
  reached: string[];
  /** Every page load that did not answer 200. */
  failedLoads: string[];
  /** Links that did not land on the page their href names (e.g. through a redirect). */
  misdirected: string[];
  /** One entry per page and other language: where its language link led. */
  switches: Switch[];
  /** Pages reached whose `lang` is not the walk's language. */
  wrongLanguage: string[];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The link a reader would click: found by its visible text, pinned by its href. */
function linkNamed(page: Page, scope: Page | Locator, link: { name: string; href: string }) {
  return scope
    .getByRole('link', { name: link.name, exact: true })
    .and(page.locator(`a[href=${JSON.stringify(link.href)}]`))
    .first();
}

async function linksOn(page: Page, origin: string, language: Language): Promise<FoundLink[]> {
  // What a reader hears as the link's name: its text, without marks hidden from them. Links
  // hidden from assistive technology (the overview's diagram) repeat links the page lists.
  // A link that says it leads to something other than a page (the Atom feed) is for a feed
  // reader, not a reader of pages.
  const anchors = await page.locator('a[href]').evaluateAll((elements) =>
    elements
      .filter((a) => !a.closest('[aria-hidden="true"]'))
      .filter((a) => !a.getAttribute('type') || a.getAttribute('type') === 'text/html')
      .map((a) => {
        const copy = a.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return { text: copy.textContent ?? '', href: a.getAttribute('href') ?? '' };
      }),
  );
  return anchors
    .map(({ text, href }) => ({ name: collapse(text), href, url: new URL(href, page.url()) }))
    .filter(({ url }) => url.origin === origin && url.pathname.startsWith(`/${language.code}/`))
    .map(({ name, href, url }) => ({ name, href, path: url.pathname }));
}

async function clickAndWait(page: Page, link: Locator): Promise<string> {
  const from = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== from);
  await page.waitForLoadState('load');
  return new URL(page.url()).pathname;
}

/**
 * Back, to the page the walk came from. Chromium keeps the last 50 entries of a tab's history:
 * deeper in the walk than that, Back lands elsewhere, and the walk returns by the page's
 * address instead (a page it has already reached by clicking).
 */
async function goBackTo(page: Page, path: string): Promise<void> {
  await page.goBack();
  if (new URL(page.url()).pathname !== path) await page.goto(path);
}

async function walk(session: Session, language: Language): Promise<Walk> {
  const page = await session.newPage({ javaScriptEnabled: false });
  const origin = session.site.url;
  const result: Walk = {
    reached: [],
    failedLoads: [],
    misdirected: [],
    switches: [],
    wrongLanguage: [],
  };
  const others = tree.languages.filter((other) => other !== language);
  const seen = new Set<string>();

  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && response.status() !== 200) {
      result.failedLoads.push(`${response.status()} ${request.url()}`);
    }
  });

  /**
   * Every language link of the page is read; one of them, in turn, is clicked. The others
   * lead to a page that the walk of their own language reaches and checks, so where they point
   * is all that is left to check here.
   */
  async function checkLanguageLinks(here: string): Promise<void> {
    const clicked = others[result.reached.length % others.length];
    for (const other of others) {
      const name = other.name;
      const header = page.locator('header');
      const link = header.locator(`a[hreflang="${other.tag}"]`);
      const href = (await link.getAttribute('href')) ?? '';
      const expected = { path: samePageIn(other, here) ?? '(no such page)', lang: other.tag };
      if (other !== clicked) {
        const path = new URL(href, page.url()).pathname;
        result.switches.push({ from: here, expected, landed: { path, lang: other.tag } });
        continue;
      }
      const landed = await clickAndWait(page, linkNamed(page, header, { name, href }));
      result.switches.push({
        from: here,
        expected,
        landed: { path: landed, lang: await page.locator('html').getAttribute('lang') },
      });
      await goBackTo(page, here);
    }
  }

  async function explore(here: string): Promise<void> {
    seen.add(here);
    result.reached.push(here);
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== language.tag) result.wrongLanguage.push(`${here}: ${lang}`);
    await checkLanguageLinks(here);
    for (const link of await linksOn(page, origin, language)) {
      if (seen.has(link.path)) continue;
      const landed = await clickAndWait(page, linkNamed(page, page, link));
      if (landed !== link.path) {
        result.misdirected.push(`"${link.name}" on ${here}: ${link.href} landed on ${landed}`);
        seen.add(link.path);
      }
      if (!seen.has(landed)) await explore(landed);
      await goBackTo(page, here);
    }
  }

  await page.goto('/');
  const entry = page.getByRole('main').locator(`a[hreflang="${language.tag}"]`);
  const name = collapse((await entry.textContent()) ?? '');
  const href = (await entry.getAttribute('href')) ?? '';
  const home = await clickAndWait(page, linkNamed(page, page.getByRole('main'), { name, href }));
  await explore(home);
  await page.context().close();
  return result;
}

/**
 * The four readers walk side by side, each in a tab of its own: a walk mostly waits for pages,
 * and one after the other they took longer than all the other browser tests.
 */
let session: Session | undefined;
let walks: Promise<Map<string, Walk>> | undefined;

function walksOfEveryLanguage(): Promise<Map<string, Walk>> {
  walks ??= startSession().then(async (started) => {
    session = started;
    const results = await Promise.all(
      tree.languages.map(
        async (language) => [language.code, await walk(started, language)] as const,
      ),
    );
    return new Map(results);
  });
  return walks;
}

afterAll(() => session?.close());

describe.each(tree.languages)('with JavaScript off, a reader of $name', (language) => {
  let result: Walk;
  let served: string[];
  const byOrder = (a: string, b: string) => a.localeCompare(b);
  const contentPages = tree.nodes.map((node) => pathOf(node, language));
  const tasks = tree.nodes.filter((node) => node.kind === 'task');

  beforeAll(async () => {
    served = (await servedPages()).filter((path) => path.startsWith(`/${language.code}/`));
    const walked = (await walksOfEveryLanguage()).get(language.code);
    if (!walked) throw new Error(`no walk in ${language.code}`);
    result = walked;
    // Every page's links clicked, and a Back after each: it grows with the content.
  }, 900_000);

  it(`reaches every page, all ${contentPages.length} content pages and ${tasks.length} task answers included, by clicking links from /`, () => {
    expect(tasks.length).toBeGreaterThan(0);
    expect(served).toEqual(expect.arrayContaining(contentPages));
    expect([...result.reached].sort(byOrder)).toEqual([...served].sort(byOrder));
  });

  it('never meets an error page or a link that lands elsewhere than it says', () => {
    expect(result.failedLoads).toEqual([]);
    expect(result.misdirected).toEqual([]);
  });

  it('finds on every page a language link to the same page in the other language', () => {
    const others = tree.languages.filter((other) => other !== language);
    expect(result.switches).toHaveLength(result.reached.length * others.length);
    const wrong = result.switches.filter(
      ({ expected, landed }) => landed.path !== expected.path || landed.lang !== expected.lang,
    );
    expect(wrong).toEqual([]);
    // Where a link was read and not clicked, the page it names is checked by its own walk.
    expect(result.wrongLanguage).toEqual([]);
  });
});

describe('the pages the browser tests open directly', () => {
  it('include every page the site serves, and its search page', async () => {
    const opened = visits.map((visit) => visit.path);
    expect(opened).toEqual(expect.arrayContaining(await servedPages()));
    for (const language of tree.languages) {
      expect(opened).toContain(generatedPath('search', language.code));
    }
  });
});
