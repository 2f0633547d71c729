import { ConfigError, readConfig } from './config';
import { ContentError, formatProblems } from './content/problems';
import { launch } from './launch';

async function main(): Promise<void> {
  const config = readConfig();
  const running = await launch(config, { onFault: (error) => console.error(error) });
  console.log(`Serving on ${running.url}`);
}

main().catch((error: unknown) => {
  if (error instanceof ContentError) {
    console.error(
      `The content has problems; the site will not start.\n${formatProblems(error.problems)}`,
    );
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
