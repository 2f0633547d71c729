import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import type { Config } from './config';
import { prepareSite, type SitePaths, DEFAULT_PATHS } from './startup';

export interface RunningSite {
  server: Server;
  /** Where the server listens, e.g. http://127.0.0.1:41234. */
  url: string;
  close(): Promise<void>;
}

/** Builds the site and starts listening; used by the server entry point and by tests. */
export async function launch(
  config: Pick<Config, 'PORT' | 'HOST' | 'BASE_URL'>,
  options: { paths?: SitePaths; onFault?: (error: unknown) => void } = {},
): Promise<RunningSite> {
  const { site, assets } = await prepareSite(config.BASE_URL, options.paths ?? DEFAULT_PATHS);
  const app = createApp({ site, assets, onFault: options.onFault });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
