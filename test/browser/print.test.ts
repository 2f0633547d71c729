/// <reference lib="dom" />
import { pageCases } from '../helpers';
import { pageForBlock } from './support';

/** Every page that ends a flow with a verdict: what a visitor prints to act on. */
const finalAnswers = pageCases.filter(({ node }) => node.verdict && node.options.length === 0);

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('printing an answer', () => {
  const tab = pageForBlock();

  it('has answers to print', () => {
    expect(finalAnswers.length).toBeGreaterThan(0);
  });

  it.each(finalAnswers)(
    '$name prints on one A4 page: verdict, answer, your answers and the official addresses',
    async ({ path }) => {
      const page = tab();
      await page.emulateMedia({ media: 'print' });
      await page.goto(path);
      expect(await page.locator('main .verdict').isVisible()).toBe(true);
      expect(await page.locator('main .answers dl').isVisible()).toBe(true);
      for (const hidden of ['.site-search', '.breadcrumb', '.site-footer nav', 'nav.more']) {
        expect(await page.locator(hidden).first().isVisible()).toBe(false);
      }
      // Each official link's address is written out after it.
      const addresses = await page
        .locator('main a.external')
        .evaluateAll((links) =>
          links.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]),
        );
      for (const [href, after] of addresses) expect(after).toContain(href);
      expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    },
  );
});
