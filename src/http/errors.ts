import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Site } from '../site/site';
import type { ErrorKind } from '../site/error-pages';
import { sendPrepared } from '../lib/prepared';

/** The language a URL was asked in, when its first segment names one: `/FR/...` is French. */
export function languageOfUrl(site: Site, url: string): string | undefined {
  const first = /^\/([^/?]+)/.exec(url)?.[1]?.toLowerCase();
  return site.tree.languages.find((language) => language.code === first)?.code;
}

export function notFound(site: Site): RequestHandler {
  return (req, res) =>
    sendPrepared(req, res, site.errorPage('notFound', languageOfUrl(site, req.path)));
}

function kindOf(error: unknown): ErrorKind {
  const status = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
  const code = Number(status.status ?? status.statusCode);
  if (code === 404) return 'notFound';
  return code >= 400 && code < 500 ? 'badRequest' : 'serverError';
}

/**
 * Every failure ends on one of the site's own pages: never a stack trace, never a file path.
 * Faults of the server are logged; bad requests are the client's and only answered.
 */
export function handleErrors(site: Site, onFault: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const kind = kindOf(error);
    if (kind === 'serverError') onFault(error);
    sendPrepared(req, res, site.errorPage(kind, languageOfUrl(site, req.path)));
  };
}
