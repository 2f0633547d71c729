/**
 * The last step of `npm run build`: the site rendered and compressed, for BASE_URL, and kept
 * in dist/ so that `npm start` (and the Docker image) start in well under a second instead of
 * building it. A start with other content, templates, code or BASE_URL builds it itself.
 * Broken content fails the build here, with the same list of problems a start would give.
 */
import { readConfig } from '../config';
import { ContentError, formatProblems } from '../content/problems';
import { DEFAULT_PATHS, SNAPSHOT_FILE, writeSiteSnapshot } from '../site/startup';

async function main(): Promise<void> {
  const { BASE_URL } = readConfig();
  await writeSiteSnapshot(BASE_URL, DEFAULT_PATHS);
  console.log(`Site prepared for ${BASE_URL}: ${SNAPSHOT_FILE}`);
}

main().catch((error: unknown) => {
  if (error instanceof ContentError) {
    console.error(`The content has problems.\n${formatProblems(error.problems)}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
