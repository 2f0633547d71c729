import type { Page } from 'playwright-core';
import { interfaceString, nodeById, pathOf, tree } from '../helpers';
import { axeResults, startSession, type Session } from './support';

async function violations(page: Page): Promise<string[]> {
  const results = await axeResults(page);
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response?.status() ?? 0;
}

/**
 * A visitor with JavaScript off gives feedback in each language, through the real server: its
 * public address is its own, so the browser's Origin is the site's, as in production. Each
 * visitor is a client of its own behind a trusted proxy, so the rate limit stays on.
 */
describe.each(tree.languages)('feedback in $name', (language) => {
  const task = nodeById('rl-activate-quality');
  const taskPath = pathOf(task, language);
  let session: Session;
  let visitor = 0;

  beforeAll(async () => {
    session = await startSession({ ownOrigin: true, config: { TRUST_PROXY: ['loopback'] } });
  });
  afterAll(() => session?.close());

  async function visitorPage(): Promise<Page> {
    visitor += 1;
    return session.newPage({
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${visitor}` },
    });
  }

  it('with JavaScript off, « yes » leads to the thank-you page, in the same language, which links back', async () => {
    const page = await visitorPage();
    await page.goto(taskPath);
    const yes = page.locator('form.feedback-vote button[value="yes"]');
    expect(await submit(page, yes)).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${language.code}/[a-z]+/[a-z]+/$`));
    expect(await page.locator('html').getAttribute('lang')).toBe(language.tag);
    expect(
      await page.locator('main').getByRole('link', { name: /./ }).last().getAttribute('href'),
    ).toBe(taskPath);
    // Post/redirect/get: reloading the thank-you page sends nothing again.
    const reload = await page.reload();
    expect(reload?.request().method()).toBe('GET');
  });

  it('with JavaScript off, « no » leads to the comment form; sent empty it shows its errors; filled in it thanks', async () => {
    const page = await visitorPage();
    await page.goto(taskPath);
    const no = page.locator('form.feedback-vote button[value="no"]');
    expect(await submit(page, no)).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(language.tag);
    const form = page.locator('main form');
    expect(await form.locator('textarea').count()).toBe(2);

    const send = form.getByRole('button');
    expect(await submit(page, send)).toBe(422);
    const summary = page.locator('.error-summary');
    expect(await summary.getAttribute('role')).toBe('alert');
    // The summary takes the focus (autofocus: no script needed) and links to the field.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-trying');

    await page.locator('#feedback-trying').fill('Trouver qui peut activer la Qualité.');
    expect(await submit(page, page.locator('main form').getByRole('button'))).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${language.code}/[a-z]+/[a-z]+/$`));
  });

  it('with JavaScript off, « report a problem » opens the same form on the page itself, and thanks', async () => {
    const page = await visitorPage();
    await page.goto(taskPath);
    const details = page.locator('details.feedback-report');
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    await details.locator('textarea').last().fill('Le lien vers le portail ne fonctionne pas.');
    expect(await submit(page, details.getByRole('button'))).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(language.tag);
    expect(await page.locator('h1').textContent()).toBe(
      interfaceString(language.code, 'feedback.thanks.title'),
    );
  });

  // axe runs in the page, so it needs JavaScript; the site has none, so the pages are the same.
  it('leaves axe nothing to report on the open form, the comment page, its error state and the thank-you page', async () => {
    visitor += 1;
    const page = await session.newPage({
      extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${visitor}` },
    });
    const found: Record<string, string[]> = {};
    await page.goto(taskPath);
    await page.locator('details.feedback-report summary').click();
    found['form on the page'] = await violations(page);
    expect(await submit(page, page.locator('form.feedback-vote button[value="no"]'))).toBe(200);
    found['comment page'] = await violations(page);
    expect(await submit(page, page.locator('main form').getByRole('button'))).toBe(422);
    found['error state'] = await violations(page);
    await page.locator('#feedback-wrong').fill('x');
    expect(await submit(page, page.locator('main form').getByRole('button'))).toBe(200);
    found['thank-you page'] = await violations(page);
    expect(found).toEqual({
      'form on the page': [],
      'comment page': [],
      'error state': [],
      'thank-you page': [],
    });
  });
});
