import path from 'node:path';
import { loadContent, type LoadedContent } from '../content/load';
import type { ContentProblem } from '../content/problems';
import type { Compression } from '../lib/prepared';
import { loadAssets, type Assets } from './assets';
import { FEEDBACK_PATH } from './feedback-form';
import { createI18n, translatorFor } from './i18n';
import { GENERATED_PAGES, LAYOUT_NODE_IDS } from './layout';
import { generatedDocuments } from './search-page';
import { createSearch } from './search-results';
import { buildSite, type Site } from './site';
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
  const { tree, namespaces, search, warnings } = loadSiteContent(paths.contentDir, {
    authorChecks,
  });
  const codes = tree.languages.map((language) => language.code);
  const i18n = await createI18n(paths.contentDir, codes, namespaces);
  const translators = Object.fromEntries(codes.map((code) => [code, translatorFor(i18n, code)]));
  const assets = loadAssets(paths.staticDir);
  const views = createViews(paths.viewsDir);
  const feedback = { action: feedbackAction, targets: new Map() };
  const context = { tree, views, translators, assets: assets.urls, baseUrl, feedback };
  const generated = generatedDocuments(context);
  const site = await buildSite(context, createSearch(tree, search, { generated }), compression);
  return { site, assets, warnings };
}
