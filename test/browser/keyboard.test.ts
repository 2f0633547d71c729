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

/**
 * Numbers the page's focusable elements and returns their resting look. The page's own
 * querySelectorAll, not a Playwright locator: the site has no shadow DOM for Playwright's
 * selector engine to pierce, and the engine took as long as the rest of the work.
 */
async function markFocusables(page: Page): Promise<{ text: string; look: Look }[]> {
  return page.evaluate((selector) => {
    const elements = [...document.querySelectorAll(selector)];
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
  }, FOCUSABLE);
}

/** What recordStops leaves on the page's window: the stops recorded, and how it describes one. */
interface TabRecorder {
  tabStops: (Stop | null)[];
  describeFocus?: () => Stop | null;
}

/**
 * Starts recording where the focus is each time Tab is pressed, before the key moves it: the
 * stop the previous Tab reached, as it then looks. The recording is read once at the end
 * (`stopsAfterTabs`), so a walk of the page costs one round trip to the browser for all its
 * Tab presses, not one for each: the browser handles the keys in order, each one's move of
 * the focus (and scrolling it into view) done before the next key is looked at.
 */
async function recordStops(page: Page): Promise<void> {
  await page.evaluate(() => {
    /** Where the focus is and how it looks; null when it is on no element of the page. */
    const describe = () => {
      const element = document.activeElement;
      if (!element || element === document.body || element === document.documentElement)
        return null;
      const style = getComputedStyle(element);
      let behind = 'rgb(255, 255, 255)';
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const background = getComputedStyle(parent).backgroundColor;
        if (background !== 'transparent' && !/rgba\(.*, 0\)$/.test(background)) {
          behind = background;
          break;
        }
      }
      // WCAG 2.4.11: some part of the focused element (a line of a wrapped link, say) is in
      // view and not covered by anything else.
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
    };
    const recorder = window as unknown as TabRecorder;
    recorder.tabStops = [];
    // Once per document: recording again only starts a new list.
    if (recorder.describeFocus) return;
    recorder.describeFocus = describe;
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Tab') recorder.tabStops.push(describe());
      },
      true,
    );
  });
}

/** The Tab key, as Chromium's input events name it. */
const TAB_KEY = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };

/**
 * Presses Tab `count` times (recordStops first) and describes where each press took the
 * focus, in order; the list ends at the first press that took it off the page.
 */
async function stopsAfterTabs(page: Page, count: number): Promise<Stop[]> {
  // Chromium's own input events, each press a key down and a key up, sent without waiting for
  // the one before: Playwright's keyboard sends a key pressed while another press of it is
  // under way as held down (autorepeat), which is not what a reader does.
  const cdp = await page.context().newCDPSession(page);
  const presses: Promise<unknown>[] = [];
  for (let press = 0; press < count; press++) {
    for (const type of ['keyDown', 'keyUp'] as const) {
      presses.push(cdp.send('Input.dispatchKeyEvent', { type, ...TAB_KEY }));
    }
  }
  await Promise.all(presses);
  await cdp.detach();
  const seen = await page.evaluate(() => {
    const recorder = window as unknown as TabRecorder;
    // Each press recorded the stop before it moved the focus: the first, where the focus was
    // before any; the focus now is where the last press took it.
    return [...recorder.tabStops.slice(1), recorder.describeFocus?.() ?? null];
  });
  const stops: Stop[] = [];
  for (const stop of seen) {
    if (!stop) break;
    stops.push(stop);
  }
  // Once the focus has left the page, the page sees no more keys: fewer stops were recorded.
  return stops.slice(0, count);
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
      await recordStops(page);
      const [first] = await stopsAfterTabs(page, 1);
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
      await recordStops(page);
      const [next] = await stopsAfterTabs(page, 1);
      expect(firstInMain).not.toBeNull();
      expect(next).toMatchObject({ inMain: true, index: Number(firstInMain) });
    });

    it('reaches every link and control with Tab, in order, each with a visible focus indicator', async () => {
      const page = currentPage();
      await open(page, visit);
      const focusables = await markFocusables(page);
      await recordStops(page);
      const stops: Stop[] = [];
      // One press past the last stop: Chromium then either leaves the page or wraps round to
      // the first stop.
      for (const stop of await stopsAfterTabs(page, focusables.length + 2)) {
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
