import compression from 'compression';
import express from 'express';
import type { RequestListener } from 'node:http';
import type { TrustProxy } from './config';
import type { FeedbackDesk } from './feedback/desk';
import { accessLog } from './http/access-log';
import { redirectToCanonical } from './http/canonical';
import { handleErrors, notFound } from './http/errors';
import { preparedFirst } from './http/fast-path';
import { receiveFeedback } from './http/feedback';
import { healthChecks, type Readiness } from './http/health';
import { boundedUrls } from './http/limits';
import { onlyReads } from './http/methods';
import { searchFirst } from './http/search';
import { securityHeaders } from './http/security';
import type { Logger } from './logger';
import { prepareAssets, type Assets } from './site/assets';
import type { Site } from './site/site';

export interface AppDependencies {
  site: Site;
  assets: Assets;
  logger: Logger;
  /** Turned false when shutdown begins, so `/readyz` sends traffic elsewhere. */
  readiness?: Readiness;
  /** Where feedback posts are decided and recorded. */
  feedback: FeedbackDesk;
  /** Which peers may name the client in X-Forwarded-For (Express's `trust proxy`). */
  trustProxy?: TrustProxy;
}

/**
 * The whole request path, in order: a bound on the URL, then ready-made pages and assets,
 * then search pages (made per request, kept once made), then Express for the rest. Each step answers or hands the request on.
 */
export function createApp(dependencies: AppDependencies): RequestListener {
  const { site, assets, logger } = dependencies;
  return boundedUrls({
    site,
    logger,
    next: preparedFirst({
      responses: new Map([...site.pages, ...prepareAssets(assets)]),
      logger,
      app: searchFirst({ site, logger, next: madePerRequest(dependencies) }),
    }),
  });
}

/** What is neither a ready-made page nor search: health, feedback, redirects and errors. */
function madePerRequest({
  site,
  logger,
  readiness = { ready: true },
  feedback,
  trustProxy = false,
}: AppDependencies): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', trustProxy);
  app.use(accessLog(logger));
  app.use(securityHeaders());
  app.use(healthChecks(readiness));
  app.use(compression());
  app.use(receiveFeedback(site, feedback));
  app.use(onlyReads());
  app.use(redirectToCanonical(site));
  app.use(notFound(site));
  app.use(handleErrors(site, (error) => logger.error({ err: error }, 'server fault')));
  return app;
}
