/**
 * Asks each address once whether it still answers, a few at a time, each within a time
 * limit: for editors, who need to know which official page has moved or gone before a
 * visitor finds out. Nothing here knows the site: it takes addresses and says what each did.
 */

import { mapAtMost } from './at-most';

export type LinkVerdict =
  | { kind: 'ok'; status: number }
  /** The address answers with a redirect: the page has moved, and the link should follow it. */
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'broken'; status: number }
  /** No answer: refused, unknown host, or no reply within the time limit. */
  | { kind: 'unreachable'; reason: string };

export interface LinkCheckOptions {
  /** How many addresses are asked at once: official sites are not to be hammered. */
  concurrency: number;
  /** How long one address may take to answer, in milliseconds. */
  timeoutMs: number;
}

/** Servers that do not answer HEAD (405, 501) are asked again with GET. */
const HEAD_REFUSED = new Set([405, 501]);

async function ask(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  return fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'egov-roles-wizard link check (editors)' },
  });
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** What one address does now. */
export async function checkLink(url: string, timeoutMs: number): Promise<LinkVerdict> {
  try {
    let response = await ask(url, 'HEAD', timeoutMs);
    if (HEAD_REFUSED.has(response.status)) {
      await response.body?.cancel();
      response = await ask(url, 'GET', timeoutMs);
    }
    await response.body?.cancel();
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location') ?? '';
      return { kind: 'redirect', status, location: location && new URL(location, url).href };
    }
    return status >= 200 && status < 300 ? { kind: 'ok', status } : { kind: 'broken', status };
  } catch (error) {
    return { kind: 'unreachable', reason: reasonOf(error, timeoutMs) };
  }
}

/** Every distinct address asked once, at most `concurrency` at a time. */
export async function checkLinks(
  urls: readonly string[],
  options: LinkCheckOptions,
): Promise<Map<string, LinkVerdict>> {
  const distinct = [...new Set(urls)];
  const verdicts = await mapAtMost(distinct, options.concurrency, (url) =>
    checkLink(url, options.timeoutMs),
  );
  return new Map(distinct.map((url, index) => [url, verdicts[index] as LinkVerdict]));
}
