import compression from 'compression';
import express, { type Express } from 'express';
import { serveAssets } from './http/assets';
import { redirectToCanonical } from './http/canonical';
import { handleErrors, notFound } from './http/errors';
import { onlyReads } from './http/methods';
import { servePages } from './http/pages';
import { serveSearch } from './http/search';
import { applyHeaders, computeSecurityHeaders } from './http/security';
import type { Assets } from './site/assets';
import type { Site } from './site/site';

export interface AppDependencies {
  site: Site;
  assets: Assets;
  /** Called with every server fault (never with a client's bad request). */
  onFault?: (error: unknown) => void;
}

/** The whole request path, in order. Each step answers or passes the request on. */
export function createApp({ site, assets, onFault = () => {} }: AppDependencies): Express {
  const app = express();
  const securityHeaders = computeSecurityHeaders();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    applyHeaders(res, securityHeaders);
    next();
  });
  app.use(onlyReads());
  app.use(serveAssets(assets));
  app.use(servePages(site));
  // Only responses made per request are compressed here; prepared ones carry their variants.
  app.use(compression());
  app.use(serveSearch(site));
  app.use(redirectToCanonical(site));
  app.use(notFound(site));
  app.use(handleErrors(site, onFault));
  return app;
}
