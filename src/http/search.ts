import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { normalizeQuery } from '../search/query';
import type { Site } from '../site/site';
import { matchesEtag, negotiateEncoding, type Encoding } from '../lib/prepared';
import { sendPreparedByHand, withSecurityHeaders, writeByHand } from './by-hand';
import { SearchPageCache } from './search-cache';

/**
 * Who may keep a search page. Not shared caches: the page shows back what the visitor typed,
 * which may be a name or an e-mail address, and a proxy or CDN would keep it where nobody can
 * purge it. The visitor's own browser may, for as long as the site's pages, then asks again
 * with the ETag; the server's own cache makes any repeated query cheap.
 */
export const SEARCH_CACHE_CONTROL = 'private, max-age=300';

/** Every header but the ETag, length and encoding, as one flat list: node:http's fastest form. */
const COMMON_HEADERS: readonly string[] = withSecurityHeaders([
  'content-type',
  'text/html; charset=utf-8',
  'cache-control',
  SEARCH_CACHE_CONTROL,
  'x-robots-tag',
  'noindex',
  'vary',
  'Accept-Encoding',
]);

/**
 * For a page compressed per request, brotli first: at quality 1 it is the cheapest of the
 * compressions (src/http/search-cache.ts), and still makes a results page a quarter of its size.
 */
const PER_REQUEST_ENCODINGS: readonly Encoding[] = ['br', 'gzip', 'identity'];

/** The query as one string: the first `q` of the query string, decoded as forms send it. */
function queryOf(url: string, start: number): string {
  return start < 0 ? '' : (new URLSearchParams(url.slice(start + 1)).get('q') ?? '');
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  page: { etag: string; body: Buffer; encoding: string },
  log: Logger,
  start: number,
) {
  const { etag, body, encoding } = page;
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    writeByHand(req, res, { status: 304, headers: [...COMMON_HEADERS, 'etag', etag] }, log, start);
    return;
  }
  const headers = [...COMMON_HEADERS, 'etag', etag, 'content-length', String(body.length)];
  if (encoding !== 'identity') headers.push('content-encoding', encoding);
  writeByHand(req, res, { status: 200, headers, body }, log, start);
}

/**
 * The search page, before Express like the ready-made pages: a query seen before is bytes from
 * the cache; a new one is searched, filled into the page rendered at start, compressed for this
 * client and kept. Only GET and HEAD on a search path's exact address stop here.
 */
export function searchFirst(options: {
  site: Site;
  logger: Logger;
  next: RequestListener;
  cache?: SearchPageCache;
}): RequestListener {
  const { site, logger, next } = options;
  const cache = options.cache ?? new SearchPageCache();
  // Each search path's logger carries its path, serialized once, as the ready-made pages' do:
  // building the whole line per request shows in the CPU per request of the bench's repeated
  // search.
  const searchPaths = new Map(
    [...site.searchPaths].map(([path, language]) => [
      path,
      { language, log: logger.child({ path }) },
    ]),
  );
  return (req, res) => {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const searchPath = searchPaths.get(queryStart < 0 ? url : url.slice(0, queryStart));
    if (!searchPath || (req.method !== 'GET' && req.method !== 'HEAD')) return next(req, res);
    const { language, log } = searchPath;
    const start = performance.now();
    try {
      const query = normalizeQuery(queryOf(url, queryStart));
      const encoding = negotiateEncoding(req.headers['accept-encoding'], PER_REQUEST_ENCODINGS);
      const { page, body } = cache.page(`${language.code} ${query.text}`, encoding, () =>
        site.renderSearch(language, query),
      );
      send(req, res, { etag: page.etag, body, encoding }, log, start);
    } catch (error) {
      logger.error({ err: error }, 'server fault');
      sendPreparedByHand(req, res, site.errorPage('serverError', language.code), log, start);
    }
  };
}
