import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { ContentError, formatProblems } from './content/problems';
import { prepareSite } from './startup';

async function main(): Promise<void> {
  const config = readConfig();
  const { site, assets } = await prepareSite();
  const app = createApp({ site, assets, onFault: (error) => console.error(error) });
  const server = app.listen(config.PORT, config.HOST, () => {
    console.log(`Serving ${site.pages.size} pages on http://${config.HOST}:${config.PORT}`);
  });
  server.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ContentError) {
    console.error(`The content has problems; the site will not start.\n${formatProblems(error.problems)}`);
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
