import type { RequestListener } from 'node:http';
import type { Site } from '../site/site';
import { languageOfUrl } from './errors';
import { sendPrepared } from '../lib/prepared';
import { applySecurityHeaders } from './security';

/** No page of the site has a URL near this long; anything longer is refused before routing. */
export const MAX_URL_LENGTH = 2048;

/**
 * Answers an over-long URL with 414 before it reaches any routing or decoding, so no step
 * behind ever handles unbounded input from a request.
 */
export function boundedUrls(options: { site: Site; next: RequestListener }): RequestListener {
  const { site, next } = options;
  return (req, res) => {
    if ((req.url?.length ?? 0) <= MAX_URL_LENGTH) return next(req, res);
    const language = languageOfUrl(site, req.url ?? '');
    applySecurityHeaders(res);
    sendPrepared(req, res, site.errorPage('uriTooLong', language));
  };
}
