import path from 'node:path';
import { loadContent, type LoadedContent } from '../content/load';
import { hashOfFiles } from '../lib/files-hash';
import type { ContentProblem } from '../content/problems';
import type { Compression } from '../lib/prepared';
import type { SiteSearch } from '../search/search';
import { loadAssets, type Assets } from './assets';
import { FEEDBACK_PATH, type FeedbackSetup } from './feedback-form';
import { createI18n, translatorFor } from './i18n';
import { GENERATED_PAGES, LAYOUT_NODE_IDS, type RenderContext } from './layout';
import { generatedDocuments } from './search-page';
import { createSearch } from './search-results';
import { assembleSite, renderSite, type Site } from './site';
import { readSnapshot, writeSnapshot, type SiteSnapshot } from './snapshot';
import { createViews } from './views';

export interface SitePaths {
  contentDir: string;
  viewsDir: string;
  staticDir: string;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export const DEFAULT_PATHS: SitePaths = {
  contentDir: path.join(PROJECT_ROOT, 'content'),
  viewsDir: path.join(PROJECT_ROOT, 'views'),
  staticDir: path.join(PROJECT_ROOT, 'static'),
};

/** Reads and checks the content with the rules the site's templates and routes rely on. */
export function loadSiteContent(
  contentDir: string,
  { authorChecks = true }: { authorChecks?: boolean } = {},
): LoadedContent {
  return loadContent({
    contentDir,
    authorChecks,
    requiredNodeIds: LAYOUT_NODE_IDS,
    // Generated pages take their slugs from the interface strings; no content page may take them.
    reservedSlugs: (messages) =>
      [...GENERATED_PAGES, 'feedback'].map(
        (page) => (messages[page] as { slug?: string } | undefined)?.slug ?? page,
      ),
  });
}

export interface PreparedSite {
  site: Site;
  assets: Assets;
  /** What the author should look at, though the site can be served: only if asked for. */
  warnings: ContentProblem[];
  /** What a snapshot of this site keeps: the checked content and the rendered pages. */
  made: Omit<SiteSnapshot, 'key'>;
}

/**
 * YAML on disk → validated tree → every page rendered. Throws ContentError, listing every
 * problem, if the content is not fit to serve. Content pages carry a feedback form posting to
 * `feedbackAction`; null leaves the forms out.
 */
export async function prepareSite(
  baseUrl: string,
  paths: SitePaths = DEFAULT_PATHS,
  feedbackAction: string | null = FEEDBACK_PATH,
  compression: Compression = 'best',
  authorChecks = false,
): Promise<PreparedSite> {
  const content = loadSiteContent(paths.contentDir, { authorChecks });
  const { context, assets, search } = await renderingContext(content, paths, baseUrl, {
    action: feedbackAction,
    targets: new Map(),
  });
  const rendered = await renderSite(context, compression);
  const site = assembleSite(context, search, rendered);
  return { site, assets, warnings: content.warnings, made: { content, rendered } };
}

/** What rendering and answering need besides the content: strings, templates, assets, search. */
async function renderingContext(
  content: LoadedContent,
  paths: SitePaths,
  baseUrl: string,
  feedback: FeedbackSetup,
): Promise<{ context: RenderContext; assets: Assets; search: SiteSearch }> {
  const { tree, namespaces } = content;
  const codes = tree.languages.map((language) => language.code);
  const i18n = await createI18n(paths.contentDir, codes, namespaces);
  const translators = Object.fromEntries(codes.map((code) => [code, translatorFor(i18n, code)]));
  const assets = loadAssets(paths.staticDir);
  const views = createViews(paths.viewsDir);
  const context = { tree, views, translators, assets: assets.urls, baseUrl, feedback };
  const generated = generatedDocuments(context);
  return { context, assets, search: createSearch(tree, content.search, { generated }) };
}

/** Where `npm run build` keeps the site it prepared, beside the compiled code. */
export const SNAPSHOT_FILE = path.join(PROJECT_ROOT, 'dist', 'site.snapshot');

/** The folder of the code that is running: dist/ once compiled, src/ under tsx. */
const CODE_DIR = path.resolve(__dirname, '..');

/** The versions of the libraries the code renders with. */
const LOCK_FILE = path.join(PROJECT_ROOT, 'package-lock.json');

/**
 * A hash of everything the served site is made of: the content, templates and styles, the code
 * that renders them (with the lock file, for the libraries it uses) and the public address the
 * pages name. A site kept under another key was made from something else.
 */
export function snapshotKey(baseUrl: string, paths: SitePaths = DEFAULT_PATHS): string {
  const files = hashOfFiles(
    [paths.contentDir, paths.viewsDir, paths.staticDir, CODE_DIR, LOCK_FILE],
    (file) => file.startsWith(SNAPSHOT_FILE),
  );
  return `${files} ${baseUrl} ${FEEDBACK_PATH}`;
}

/** `npm run build`: the site as a server will serve it, kept for the next start. */
export async function writeSiteSnapshot(
  baseUrl: string,
  paths: SitePaths = DEFAULT_PATHS,
  file: string = SNAPSHOT_FILE,
): Promise<void> {
  const { made } = await prepareSite(baseUrl, paths);
  writeSnapshot(file, { key: snapshotKey(baseUrl, paths), ...made });
}

/**
 * The site a server starts with: the one `npm run build` kept when it was made from exactly
 * these files for this address, else built here, as `prepareSite` does (a few seconds).
 */
export async function startSite(
  baseUrl: string,
  paths: SitePaths = DEFAULT_PATHS,
  file: string = SNAPSHOT_FILE,
): Promise<PreparedSite & { fromSnapshot: boolean }> {
  const kept = readSnapshot(file, snapshotKey(baseUrl, paths));
  if (!kept) return { ...(await prepareSite(baseUrl, paths)), fromSnapshot: false };
  const { content, rendered } = kept;
  const { context, assets, search } = await renderingContext(content, paths, baseUrl, {
    action: FEEDBACK_PATH,
    targets: rendered.feedbackTargets,
  });
  const site = assembleSite(context, search, rendered);
  return {
    site,
    assets,
    warnings: content.warnings,
    made: { content, rendered },
    fromSnapshot: true,
  };
}
