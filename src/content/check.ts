/** `npm run check:content`: the start-up check of the content, for authors. */
import path from 'node:path';
import { DEFAULT_PATHS, loadSiteContent } from '../startup';
import { ContentError, formatProblems } from './problems';

try {
  const { tree, warnings } = loadSiteContent(
    process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_PATHS.contentDir,
  );
  const languages = tree.languages.map((language) => language.code).join(', ');
  if (warnings.length > 0) {
    console.warn(`${formatProblems(warnings)}\n\n${warnings.length} warning(s): worth a look.\n`);
  }
  console.log(`Content OK: ${tree.nodes.length} pages in each language (${languages}).`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(formatProblems(error.problems));
  console.error(`\n${error.problems.length} problem(s) found: fix them before the site can start.`);
  process.exitCode = 1;
}
