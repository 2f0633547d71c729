/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { open, pageForBlock, visits, type Visit } from './support';

/**
 * WCAG 1.4.10 Reflow and 1.4.4 Resize text: at 320 CSS px wide, and at 200% zoom, a page reads
 * top to bottom without scrolling sideways and without cutting any text off. So it does on a
 * desktop screen and on a common phone.
 *
 * 200% zoom of a 1280 × 720 window lays the page out in a 640 × 360 CSS px viewport with two
 * device pixels per CSS pixel: that is exactly what Chromium does when the reader zooms, and
 * what is emulated here.
 */
const LAYOUTS = [
  { name: 'a 320 px wide phone', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: 'a 375 px wide phone', viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 },
  { name: 'a 1280 px wide desktop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '200% zoom', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
];

interface Overflow {
  viewportWidth: number;
  scrollWidth: number;
  /** Text that lies, in part, outside the viewport's width. */
  outside: string[];
  /** Text inside a box that hides what does not fit, or scrolls without a keyboard stop. */
  clipped: string[];
}

/** Text the page hides on purpose: screen-reader-only labels. */
const DELIBERATELY_HIDDEN = '.visually-hidden';

/**
 * A data table may scroll sideways inside its own box (WCAG 1.4.10 exempts two-dimensional
 * content), provided the box fits the screen and keyboard users can scroll it (tabindex="0").
 */
async function measure(page: Page): Promise<Overflow> {
  return page.evaluate((hidden) => {
    const width = document.documentElement.clientWidth;
    const snippet = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
    const isScrollRegion = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        (scrolls(style.overflowX) || scrolls(style.overflowY)) &&
        (element as HTMLElement).tabIndex >= 0
      );
    };
    const inScrollRegion = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (isScrollRegion(up)) return true;
      }
      return false;
    };
    const outside: string[] = [];
    const clipped: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest(hidden)) continue;
      if (isScrollRegion(parent) || inScrollRegion(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && (rect.left < -0.5 || rect.right > width + 0.5)) {
          outside.push(`"${snippet(node.textContent)}" spans ${rect.left}–${rect.right} px`);
          break;
        }
      }
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest(hidden) || !element.textContent?.trim()) continue;
      const name = `<${element.tagName.toLowerCase()}> "${snippet(element.textContent)}"`;
      if (isScrollRegion(element)) {
        const box = element.getBoundingClientRect();
        if (box.left < -0.5 || box.right > width + 0.5)
          outside.push(`${name} is wider than the screen`);
        continue;
      }
      const style = getComputedStyle(element);
      const cutWide =
        style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;
      const cutTall =
        style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1;
      if (cutWide || cutTall) clipped.push(name);
    }
    return {
      viewportWidth: width,
      scrollWidth: document.documentElement.scrollWidth,
      outside,
      clipped,
    };
  }, DELIBERATELY_HIDDEN);
}

/**
 * One tab per pixel density. A page is opened once in each, at the first of its layouts, and
 * the window then resized to the next: Chromium lays the page out again for the new width as
 * it would have laid it out at that width from the start, and opening it again was most of
 * the test's time.
 */
const tabs = new Map(
  [...new Set(LAYOUTS.map((layout) => layout.deviceScaleFactor))].map((density) => {
    const first = LAYOUTS.find((layout) => layout.deviceScaleFactor === density);
    return [density, pageForBlock({ viewport: first?.viewport, deviceScaleFactor: density })];
  }),
);

/** The page each tab has open, so that the next layout of the same page resizes it. */
const openIn = new WeakMap<Page, Visit>();

describe.each(visits)('$name ($path)', (visit) => {
  it.each(LAYOUTS)(
    'at $name, needs no sideways scrolling and cuts no text off',
    async ({ viewport, deviceScaleFactor }) => {
      const page = tabs.get(deviceScaleFactor)?.();
      if (!page) throw new Error(`no tab at density ${deviceScaleFactor}`);
      await page.setViewportSize(viewport);
      if (openIn.get(page) !== visit) {
        await open(page, visit);
        openIn.set(page, visit);
      }
      const overflow = await measure(page);
      expect(overflow.viewportWidth).toBe(viewport.width);
      const problems = [
        ...(overflow.scrollWidth > viewport.width
          ? [`the page is ${overflow.scrollWidth} px wide: it scrolls sideways`]
          : []),
        ...overflow.outside,
        ...overflow.clipped.map((box) => `${box} cuts its text off`),
      ];
      expect(problems).toEqual([]);
    },
  );
});
