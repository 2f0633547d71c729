/**
 * `npm run check:content [-- <content-dir>]`: the start-up check of the content, for authors.
 * `npm run check:content -- --changes [<git-ref>]` also lists the public addresses the working
 * tree changes against the ref (HEAD by default), and the redirects a changed slug needs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, formatProblems } from '../content/problems';
import { DEFAULT_PATHS, loadSiteContent } from '../site/startup';
import { ChangesError, contentChanges, formatChanges } from './changes';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { changes: { type: 'boolean' }, content: { type: 'string' } },
});
const [first] = positionals;
const contentDir = path.resolve(
  values.content ?? (values.changes ? undefined : first) ?? DEFAULT_PATHS.contentDir,
);

function check(): boolean {
  try {
    const { tree, warnings } = loadSiteContent(contentDir);
    const languages = tree.languages.map((language) => language.code).join(', ');
    if (warnings.length > 0) {
      console.warn(`${formatProblems(warnings)}\n\n${warnings.length} warning(s): worth a look.\n`);
    }
    console.log(`Content OK: ${tree.nodes.length} pages in each language (${languages}).`);
    return true;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(formatProblems(error.problems));
    console.error(
      `\n${error.problems.length} problem(s) found: fix them before the site can start.`,
    );
    return false;
  }
}

async function changes(ref: string): Promise<boolean> {
  try {
    const found = await contentChanges(contentDir, ref);
    console.log(`\n${formatChanges(found, ref)}`);
    // An old address without its redirect breaks every link to it that was ever shared.
    return found.moved.every((page) => page.redirected);
  } catch (error) {
    if (!(error instanceof ChangesError)) throw error;
    console.error(`\n${error.message}`);
    return false;
  }
}

async function main(): Promise<void> {
  const ok = check() && (!values.changes || (await changes(first ?? 'HEAD')));
  if (!ok) process.exitCode = 1;
}

void main();
