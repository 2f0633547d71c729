import type { RequestHandler } from 'express';
import type { Site } from '../site/site';

export class BadRequestError extends Error {
  readonly status = 400;
}

/**
 * The one canonical spelling of a path: lower case, single slashes, a trailing slash.
 * Percent-encoding is decoded first, so `%2F` or `%41` cannot dodge the rules.
 */
export function normalizePath(rawPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new BadRequestError('malformed percent-encoding');
  }
  const collapsed = decoded.toLowerCase().replace(/\/{2,}/g, '/');
  return collapsed.endsWith('/') ? collapsed : `${collapsed}/`;
}

/**
 * 301s every other spelling of a page's URL to its canonical one: no trailing slash, capitals
 * (`/FR/`), the other language's slugs (`/nl/representant-legal/`), and an old address from
 * the content's redirects list. The query string is kept.
 */
export function redirectToCanonical(site: Site): RequestHandler {
  return (req, res, next) => {
    const normalized = normalizePath(req.path);
    const known = site.pages.has(normalized) || site.searchPaths.has(normalized);
    const target = known
      ? normalized
      : (site.tree.redirects.get(normalized) ?? site.resolveAlias(normalized));
    if (!target || target === req.path) return next();
    const query = req.originalUrl.indexOf('?');
    const location = query < 0 ? target : target + req.originalUrl.slice(query);
    res.set('cache-control', 'public, max-age=3600').redirect(301, location);
  };
}
