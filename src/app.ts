import compression from 'compression';
import express from 'express';
import type { RequestListener } from 'node:http';
import { accessLog } from './http/access-log';
import { serveAssets } from './http/assets';
import { redirectToCanonical } from './http/canonical';
import { handleErrors, notFound } from './http/errors';
import { preparedFirst } from './http/fast-path';
import { healthChecks, type Readiness } from './http/health';
import { boundedUrls } from './http/limits';
import { onlyReads } from './http/methods';
import { servePages } from './http/pages';
import { serveSearch } from './http/search';
import { computeSecurityHeaders, securityHeaders } from './http/security';
import type { Logger } from './logger';
import { prepareAssets, type Assets } from './site/assets';
import type { Site } from './site/site';

export interface AppDependencies {
  site: Site;
  assets: Assets;
  logger: Logger;
  /** Turned false when shutdown begins, so `/readyz` sends traffic elsewhere. */
  readiness?: Readiness;
}

/** The whole request path, in order. Each step answers or passes the request on. */
export function createApp({
  site,
  assets,
  logger,
  readiness = { ready: true },
}: AppDependencies): RequestListener {
  const headers = computeSecurityHeaders();
  const assetResponses = prepareAssets(assets);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(accessLog(logger));
  app.use(securityHeaders(headers));
  app.use(healthChecks(readiness));
  app.use(onlyReads());
  app.use(serveAssets(assetResponses));
  app.use(servePages(site));
  // Only responses made per request are compressed here; prepared ones carry their variants.
  app.use(compression());
  app.use(serveSearch(site));
  app.use(redirectToCanonical(site));
  app.use(notFound(site));
  app.use(handleErrors(site, (error) => logger.error({ err: error }, 'server fault')));

  // In front of all that: known pages and assets, as ready-made bytes with the same headers;
  // and before anything, a bound on the URL's length.
  const served = preparedFirst({
    responses: new Map([...site.pages, ...assetResponses]),
    securityHeaders: headers,
    logger,
    app,
  });
  return boundedUrls({ site, securityHeaders: headers, next: served });
}
