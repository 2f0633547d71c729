import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { launch, type LaunchConfig, type RunningSite } from '../../src/launch';
import { TEST_BASE_URL, testLaunchConfig } from '../helpers';
import { freePort } from '../ports';
import type { Visit } from '../visits';

export { generatedPath, sampleQuery, visits, type Visit } from '../visits';

/** Debian's Chromium: the suite never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get install -y chromium';

/** This machine has no internet: these flags stop Chromium from trying to reach it. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails, never skips, when Chromium is missing. */
export async function openBrowser(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the browser tests cannot run. ` +
        `Install it with: ${INSTALL_COMMAND}`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** The real server on a free port, and a browser pointed at it. */
export interface Session {
  browser: Browser;
  site: RunningSite;
  /** A fresh tab in a fresh context; closed with the session. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real server and a browser. With `ownOrigin`, the server's public address is its own
 * (http://127.0.0.1:port), as in production, so that it takes the browser's feedback posts as
 * same-origin; otherwise it is TEST_BASE_URL, so that tests can tell where URLs come from.
 */
export async function startSession(
  options: { ownOrigin?: boolean; config?: Partial<LaunchConfig> } = {},
): Promise<Session> {
  const port = options.ownOrigin ? await freePort() : 0;
  const site = await launch(
    testLaunchConfig({
      PORT: port,
      BASE_URL: options.ownOrigin ? `http://127.0.0.1:${port}` : TEST_BASE_URL,
      ...options.config,
    }),
  );
  let browser: Browser;
  try {
    browser = await openBrowser();
  } catch (error) {
    await site.shutdown();
    throw error;
  }
  return {
    browser,
    site,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: site.url, ...options });
      // A missing link or element should fail in seconds, not after the whole test timeout.
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await site.shutdown();
    },
  };
}

/**
 * For a describe block that reuses one tab: starts the server and a browser before its tests,
 * closes them after, and returns how to get the tab.
 */
export function pageForBlock(options: BrowserContextOptions = {}): () => Page {
  let session: Session | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await startSession();
    page = await session.newPage(options);
  });
  afterAll(() => session?.close());
  return () => {
    if (!page) throw new Error('the browser session did not start');
    return page;
  };
}

/** Opens a page directly and checks the server answered as expected. */
export async function open(page: Page, visit: Visit): Promise<void> {
  const response = await page.goto(visit.path);
  if (response?.status() !== visit.status) {
    throw new Error(`${visit.path} answered ${response?.status()}, expected ${visit.status}`);
  }
}

/** WCAG 2.2 AA (which includes 2.0 and 2.1 A and AA) plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The contexts whose new documents get axe-core from the start. */
const withAxe = new WeakSet<BrowserContext>();

/** What AxeBuilder is given to evaluate instead of axe-core's source: a check that it is there. */
const AXE_IS_LOADED = `if (typeof window.axe === 'undefined') throw new Error('axe-core was not loaded in this page');`;

/**
 * axe-core's results on the page as it is now, run in the page itself ("legacy mode"). The
 * default mode opens a blank page for every analysis to put the results of the page's frames
 * together; the site has no frames, and that blank page made each analysis much slower (time
 * the accessibility tests of `npm run test:browser` with and without legacy mode to see it).
 *
 * axe-core is in the page from the start: the context runs its source in every new document
 * (and in the one open now, the first time). AxeBuilder, given the source, evaluates it twice
 * per analysis in legacy mode, which took about as long as the analysis itself; it is given a
 * check that axe-core is there instead. The axe-core is the project's own devDependency (its
 * version in package.json), not the one @axe-core/playwright bundles, which may be older.
 *
 * Every element is reported for violations only (axe's `resultTypes`): the same rules run and
 * find the same violations, but passes and the rest name one element each instead of every
 * one, which took about a quarter of each analysis to gather and send back. (`options` comes
 * before `withTags`, which adds to it; after, it would replace the tags.)
 */
export async function axeResults(page: Page): ReturnType<AxeBuilder['analyze']> {
  const context = page.context();
  if (!withAxe.has(context)) {
    withAxe.add(context);
    await context.addInitScript({ content: axe.source });
    await page.evaluate(axe.source);
  }
  return new AxeBuilder({ page, axeSource: AXE_IS_LOADED })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
}
