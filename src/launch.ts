import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { forgetRememberedTexts } from './content/markdown';
import type { Config } from './config';
import { startFeedback, type FeedbackConfig } from './feedback/start';
import type { Readiness } from './http/health';
import { answerClientErrors } from './http/client-errors';
import { gracefulShutdown } from './http/shutdown';
import { createLogger, type Logger } from './logger';
import { liveSite, type LiveSite } from './dev/live-site';
import { DEFAULT_PATHS, startSite, type PreparedSite, type SitePaths } from './site/startup';

export interface RunningSite {
  server: Server;
  /** Where the server listens, e.g. http://127.0.0.1:41234. */
  url: string;
  readiness: Readiness;
  /**
   * Stops taking new connections and lets requests in flight finish; connections left open
   * after `graceMs` are cut. Resolves once the server is closed.
   */
  shutdown(graceMs?: number): Promise<void>;
}

export type LaunchConfig = Pick<
  Config,
  'PORT' | 'HOST' | 'BASE_URL' | 'LOG_LEVEL' | 'TRUST_PROXY'
> &
  FeedbackConfig;

export interface LaunchOptions {
  paths?: SitePaths;
  logger?: Logger;
  /**
   * Development (`npm run dev`): the site is rebuilt whenever content, templates or styles
   * change, and broken content shows its problems on every page instead of stopping the start.
   */
  live?: boolean;
  /**
   * A site built already, for `config.BASE_URL`: served instead of building one from `paths`.
   * Tests start many servers on the same content and build it once.
   */
  site?: PreparedSite;
}

/** The site `npm run build` prepared, if it was made from these files for this address; else built now. */
async function startedSite(
  config: LaunchConfig,
  paths: SitePaths,
  logger: Logger,
): Promise<PreparedSite> {
  const started = performance.now();
  const prepared = await startSite(config.BASE_URL, paths);
  const ms = Math.round(performance.now() - started);
  if (prepared.fromSnapshot) logger.info({ ms }, 'site prepared by the build');
  else logger.info({ ms }, 'site built at start (none prepared by the build for these files)');
  return prepared;
}

/** Builds the site and starts listening; used by the server entry point and by tests. */
export async function launch(
  config: LaunchConfig,
  options: LaunchOptions = {},
): Promise<RunningSite> {
  const logger = options.logger ?? createLogger(config);
  const paths = options.paths ?? DEFAULT_PATHS;
  // Broken content stops a normal start here, before anything is opened.
  const built = options.live
    ? undefined
    : (options.site ?? (await startedSite(config, paths, logger)));
  // Built once for the life of the process: what was remembered to build it is not read again.
  if (built && !options.site) forgetRememberedTexts();
  const feedback = await startFeedback(config, logger);
  const readiness: Readiness = { ready: true };
  const server = createServer({
    // Bounded headers: a request cannot make the server buffer more than this.
    maxHeaderSize: 16 * 1024,
    requestTimeout: 30_000,
    headersTimeout: 10_000,
  });
  answerClientErrors(server);
  const { track, shutdown } = gracefulShutdown(server);
  const appFor = ({ site, assets }: PreparedSite) =>
    createApp({
      site,
      assets,
      logger,
      readiness,
      feedback: feedback.desk,
      trustProxy: config.TRUST_PROXY,
    });
  let live: LiveSite | undefined;
  if (built) {
    server.on('request', track(appFor(built)));
  } else {
    live = await liveSite({ baseUrl: config.BASE_URL, paths, logger, appFor });
    server.on('request', track(live.app));
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  }).catch(async (error: unknown) => {
    await live?.close();
    await feedback.stop();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    server,
    url: `http://${host}:${port}`,
    readiness,
    shutdown: async (graceMs = 8_000) => {
      readiness.ready = false;
      await live?.close();
      await shutdown(graceMs);
      // Every request has been answered: no write is cut short.
      await feedback.stop();
    },
  };
}
