import type { RequestHandler } from 'express';
import type { Site } from '../site/site';

/** The query as one string, whatever shape the query string gave it (`q=a&q=b` is an array). */
function queryOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return queryOf(value[0]);
  return '';
}

/** The search page: rendered per request, never cached or indexed. */
export function serveSearch(site: Site): RequestHandler {
  return (req, res, next) => {
    const language = site.searchPaths.get(req.path);
    if (!language) return next();
    res.set({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
    res.type('html').send(site.renderSearch(language, queryOf(req.query.q)));
  };
}
