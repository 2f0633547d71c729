/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { open, pageForBlock, visits } from './support';

/**
 * A keyboard user: the first Tab stop is the skip link and it works; Tab then reaches every
 * link and control in reading order, and each one shows a focus indicator that stands out
 * (≥ 3:1) against what surrounds it.
 */

/** What the focus indicator is made of, read from the computed style. */
interface Look {
  outline: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  backgroundColor: string;
}

interface Stop {
  /** Index among the page's focusable elements in document order; -1 if not one of them. */
  index: number;
  tag: string;
  text: string;
  href: string | null;
  inMain: boolean;
  /** In view, at least in part, and not covered by anything else: WCAG 2.4.11. */
  onScreen: boolean;
  look: Look;
  /** The colour behind the element: its nearest ancestor's background. */
  behind: string;
}

const FOCUSABLE =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

/** Numbers the page's focusable elements and returns their resting look. */
async function markFocusables(page: Page): Promise<{ text: string; look: Look }[]> {
  return page.locator(FOCUSABLE).evaluateAll((elements) => {
    const focusable = elements.filter((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return (
        (element as HTMLElement).tabIndex >= 0 &&
        !(element as HTMLButtonElement).disabled &&
        style.visibility !== 'hidden' &&
        (box.width > 0 || box.height > 0 || element.getClientRects().length > 0) &&
        // Rendered: not in a closed <details> (whose content Chromium lays out but hides).
        element.checkVisibility()
      );
    });
    return focusable.map((element, index) => {
      element.setAttribute('data-tab-stop', String(index));
      const style = getComputedStyle(element);
      return {
        text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        look: {
          outline: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth),
          outlineColor: style.outlineColor,
          boxShadow: style.boxShadow,
          backgroundColor: style.backgroundColor,
        },
      };
    });
  });
}

/** Presses Tab and describes where the focus went; null once it has left the page. */
async function tab(page: Page): Promise<Stop | null> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    let behind = 'rgb(255, 255, 255)';
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const background = getComputedStyle(parent).backgroundColor;
      if (background !== 'transparent' && !/rgba\(.*, 0\)$/.test(background)) {
        behind = background;
        break;
      }
    }
    // WCAG 2.4.11: some part of the focused element (a line of a wrapped link, say) is in view
    // and not covered by anything else.
    const visibleAt = (box: DOMRect) => {
      const left = Math.max(box.left, 0);
      const right = Math.min(box.right, window.innerWidth);
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      if (right <= left || bottom <= top) return false;
      const seen = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      return seen !== null && element.contains(seen);
    };
    return {
      index: Number(element.getAttribute('data-tab-stop') ?? -1),
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href'),
      inMain: element.closest('main') !== null,
      onScreen: [...element.getClientRects()].some(visibleAt),
      look: {
        outline: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
        backgroundColor: style.backgroundColor,
      },
      behind,
    };
  });
}

type Rgba = [number, number, number, number];

function colours(value: string): Rgba[] {
  return [...value.matchAll(/rgba?\(([^)]+)\)/g)].map((match) => {
    const [r = 0, g = 0, b = 0, a = 1] = (match[1] ?? '').split(/[\s,/]+/).map(Number);
    return [r, g, b, a];
  });
}

function luminance([r, g, b]: Rgba): number {
  const [R = 0, G = 0, B = 0] = [r, g, b].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colours that appear only on focus: a drawn outline, a new shadow, a new background. */
function indicatorColours(focused: Look, resting: Look): Rgba[] {
  const found: Rgba[] = [];
  if (focused.outline !== 'none' && focused.outlineWidth >= 2)
    found.push(...colours(focused.outlineColor));
  if (focused.boxShadow !== resting.boxShadow) found.push(...colours(focused.boxShadow));
  if (focused.backgroundColor !== resting.backgroundColor)
    found.push(...colours(focused.backgroundColor));
  return found.filter(([, , , alpha]) => alpha === 1);
}

/** Why a focused element's indicator is not good enough, or null if it is. */
function focusProblem(stop: Stop, resting: Look | undefined): string | null {
  const name = `<${stop.tag}> "${stop.text}" (${stop.href ?? ''})`;
  if (!resting) return `${name} is focusable but was not found before tabbing`;
  if (!stop.onScreen) return `${name} is off screen or covered when focused`;
  const behind = colours(stop.behind)[0] ?? [255, 255, 255, 1];
  const indicator = indicatorColours(stop.look, resting);
  if (indicator.length === 0) return `${name} looks the same focused and unfocused`;
  const best = Math.max(...indicator.map((colour) => contrast(colour, behind)));
  return best >= 3
    ? null
    : `${name}: focus indicator contrast ${best.toFixed(2)}:1 against ${stop.behind} is under 3:1`;
}

describe('keyboard', () => {
  const currentPage = pageForBlock();

  describe.each(visits)('on $name ($path)', (visit) => {
    it('starts with a skip link that moves on to the main content', async () => {
      const page = currentPage();
      await open(page, visit);
      const first = await tab(page);
      expect(first).toMatchObject({ tag: 'a', href: '#main', onScreen: true });
      expect(first?.text).not.toBe('');

      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main');
      await markFocusables(page);
      const firstInMain = await page
        .locator('main')
        .locator('[data-tab-stop]')
        .first()
        .getAttribute('data-tab-stop');
      const next = await tab(page);
      expect(firstInMain).not.toBeNull();
      expect(next).toMatchObject({ inMain: true, index: Number(firstInMain) });
    });

    it('reaches every link and control with Tab, in order, each with a visible focus indicator', async () => {
      const page = currentPage();
      await open(page, visit);
      const focusables = await markFocusables(page);
      const stops: Stop[] = [];
      // Past the last stop, Chromium either leaves the page or wraps round to the first stop.
      for (let stop = await tab(page); stop; stop = await tab(page)) {
        if (stop.index === stops[0]?.index || stops.length > focusables.length) break;
        stops.push(stop);
      }
      expect(stops.map((stop) => stop.text)).toEqual(focusables.map((focusable) => focusable.text));
      expect(stops.map((stop) => stop.index)).toEqual(focusables.map((_, index) => index));
      const problems = stops
        .map((stop) => focusProblem(stop, focusables[stop.index]?.look))
        .filter((problem) => problem !== null);
      expect(problems).toEqual([]);
    });
  });
});
