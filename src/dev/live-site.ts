import type { RequestListener } from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ContentError, formatProblem, formatProblems } from '../content/problems';
import type { Logger } from '../logger';
import { FEEDBACK_PATH } from '../site/feedback-form';
import { prepareSite, type PreparedSite, type SitePaths } from '../site/startup';
import { problemsApp } from './problems-page';
import { watchFolders } from './watch';

/** An editor's save is often several events (write, rename, chmod): wait for the burst to end. */
const SETTLE_MS = 40;

export interface LiveSite {
  /** Answers with the latest build: the site, or the problems page while it cannot be built. */
  app: RequestListener;
  close(): Promise<void>;
}

export interface LiveSiteOptions {
  baseUrl: string;
  paths: SitePaths;
  logger: Logger;
  /** The request path for a built site (createApp, with everything else it needs). */
  appFor(prepared: PreparedSite): RequestListener;
}

/** What stops a build, as lines for the author: `file:line: what is wrong`, or the error itself. */
function problemLines(error: unknown): string[] {
  if (error instanceof ContentError) return formatProblems(error.problems).split('\n');
  return [error instanceof Error ? error.message : String(error)];
}

/**
 * Development: the site is rebuilt in this process whenever a file under content/, views/ or
 * static/ changes, and the next request gets the new pages. A request that arrives while a
 * rebuild is under way waits for it, so a reload right after a save shows the save. Content
 * that does not pass the check does not stop the server: every address shows its problems
 * until they are fixed. Production never comes here: there, broken content stops the start.
 */
export async function liveSite(options: LiveSiteOptions): Promise<LiveSite> {
  const { baseUrl, paths, logger, appFor } = options;
  // File names in messages are relative to the project, as in the content check's.
  const root = path.dirname(paths.contentDir);
  let current: RequestListener = problemsApp(['The site has not been built yet.'], logger);
  let pending: Promise<void> | undefined;
  let building = false;
  let again = false;
  const changed = new Set<string>();

  const build = async (reason: string) => {
    const start = performance.now();
    try {
      const prepared = await prepareSite(baseUrl, paths, FEEDBACK_PATH, 'quick', true);
      current = appFor(prepared);
      const ms = Math.round(performance.now() - start);
      logger.info(`${reason}: site built in ${ms} ms (${prepared.site.pages.size} pages)`);
      if (prepared.warnings.length > 0) {
        logger.warn(`worth a look:\n${prepared.warnings.map(formatProblem).join('\n')}`);
      }
    } catch (error) {
      const lines = problemLines(error);
      current = problemsApp(lines, logger);
      logger.error(
        `${reason}: the site cannot be built; every page lists why until it is fixed:\n${lines.join('\n')}`,
      );
    }
  };

  const rebuild = () => {
    // A change during the wait is part of the coming build; one during a build needs another.
    if (pending) {
      again ||= building;
      return;
    }
    pending = (async () => {
      do {
        again = false;
        await delay(SETTLE_MS);
        building = true;
        // Named in the log; editors' temporary files (no extension, as sed's) are left out.
        const files = [...changed];
        const named = files
          .filter((file) => path.extname(file) !== '')
          .map((file) => path.relative(root, file));
        changed.clear();
        await build(files.length === 0 ? 'start' : `${named.join(', ') || 'a file'} changed`);
        building = false;
      } while (again);
      pending = undefined;
    })();
  };

  // Watching from before the first build: a save during it is built next, never missed.
  const watcher = await watchFolders(
    [paths.contentDir, paths.viewsDir, paths.staticDir],
    (file) => {
      changed.add(file);
      rebuild();
    },
    (error) => logger.error({ err: error }, 'watching the files failed: restart npm run dev'),
  );
  rebuild();
  await pending;
  logger.info('watching content/, views/ and static/: the site is rebuilt on every save');

  return {
    app: (req, res) => {
      if (pending) void pending.then(() => current(req, res));
      else current(req, res);
    },
    close: () => watcher.close(),
  };
}
