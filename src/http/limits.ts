import type { RequestListener } from 'node:http';
import type { Logger } from '../logger';
import type { Site } from '../site/site';
import { sendPreparedByHand } from './by-hand';
import { languageOfUrl } from './errors';

/** No page of the site has a URL near this long; anything longer is refused before routing. */
export const MAX_URL_LENGTH = 2048;

/**
 * Answers an over-long URL with 414 before it reaches any routing or decoding, so no step
 * behind ever handles unbounded input from a request.
 */
export function boundedUrls(options: {
  site: Site;
  logger: Logger;
  next: RequestListener;
}): RequestListener {
  const { site, logger, next } = options;
  // The path of such a request is what is too long: its line names the bound, not the path.
  const log = logger.child({ path: `(over ${MAX_URL_LENGTH} characters)` });
  return (req, res) => {
    if ((req.url?.length ?? 0) <= MAX_URL_LENGTH) return next(req, res);
    const start = performance.now();
    const language = languageOfUrl(site, req.url ?? '');
    sendPreparedByHand(req, res, site.errorPage('uriTooLong', language), log, start);
  };
}
