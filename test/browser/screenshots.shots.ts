import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/site/startup';
import type { Page } from 'playwright-core';
import { open, pageForBlock, visits } from './support';

/**
 * `npm run screenshots`: a full-page screenshot of every page at desktop and phone widths, for
 * a reviewer to look at: test-results/screenshots/<width>/<page>.png (git-ignored).
 *
 * Not part of the browser suite: the pictures are for people, nobody looks at them in CI, and
 * a full-page capture costs several times what opening the page does. What the suite checks at
 * these widths (the page as wide as the window, no text cut off) test/browser/reflow.test.ts
 * checks.
 */
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function fileName(name: string): string {
  return `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`;
}

/**
 * A picture of the whole page, as wide and as tall as what it lays out, from Chromium's own
 * capture with its faster encoding (`optimizeForSpeed`: the same pixels, a larger file), which
 * Playwright's screenshot does not ask for; its full-page capture took half as long again.
 */
async function fullPage(page: Page): Promise<Buffer> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 },
      optimizeForSpeed: true,
    });
    return Buffer.from(data, 'base64');
  } finally {
    await cdp.detach();
  }
}

/**
 * Chromium now and then answers "Unable to capture screenshot" while another test file drives
 * its own Chromium beside this one (once in four CI runs, on a page that had loaded): the
 * capture failed, not the page, so it is asked for once more. Any other error stands.
 */
async function screenshot(page: Page): Promise<Buffer> {
  try {
    return await fullPage(page);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('Unable to capture screenshot')) {
      throw error;
    }
    return fullPage(page);
  }
}

beforeAll(() => rmSync(SCREENSHOTS, { recursive: true, force: true }));

describe.each(WIDTHS)('screenshots $width px wide', (viewport) => {
  const folder = path.join(SCREENSHOTS, String(viewport.width));
  beforeAll(() => mkdirSync(folder, { recursive: true }));
  const currentPage = pageForBlock({ viewport });

  it.each(visits)('of $name ($path) fit the width', async (visit) => {
    const page = currentPage();
    await open(page, visit);
    const png = await screenshot(page);
    writeFileSync(path.join(folder, fileName(visit.name)), png);
    const size = pngSize(png);
    // A page wider than the window would make the full-page picture wider too.
    expect(size.width).toBe(viewport.width);
    expect(size.height).toBeGreaterThanOrEqual(viewport.height);
  });
});
