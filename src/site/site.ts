import { textIn, type ContentTree, type Language } from '../content/tree';
import {
  NO_CACHE,
  prepareAll,
  type Compression,
  type PrepareOptions,
  type PreparedResponse,
} from '../lib/prepared';
import type { VisitorQuery } from '../search/query';
import type { SiteSearch } from '../search/search';
import { aliasResolver } from './aliases';
import { renderErrorPage, renderRootPage, type ErrorKind } from './error-pages';
import type { FeedbackSetup } from './feedback-form';
import { feedbackPages, type FeedbackPages } from './feedback-pages';
import { renderHistoryFeed, renderHistoryPage } from './history-page';
import {
  GENERATED_PAGES,
  generatedPath,
  historyFeedPath,
  type GeneratedPage,
  type RenderContext,
} from './layout';
import { renderMatrixPage } from './matrix';
import type { Version } from './meta';
import { renderNodePage } from './node-page';
import { layoutOverview } from './overview';
import { renderOverviewPage } from './overview-page';
import { searchPages } from './search-page';
import { robotsTxt, sitemapXml } from './sitemap';

const HTML = 'text/html; charset=utf-8';

const ERROR_STATUS: Record<ErrorKind, number> = {
  badRequest: 400,
  notFound: 404,
  uriTooLong: 414,
  serverError: 500,
};

/** The pages the site generates itself and renders once, like content pages. */
const RENDERED_ONCE: readonly GeneratedPage[] = ['matrix', 'overview', 'history'];

/** The whole site, rendered once: requests only look things up here. */
export interface Site {
  tree: ContentTree;
  /** Canonical path (`/fr/representant-legal/`) to its response; `/` is the language choice. */
  pages: ReadonlyMap<string, PreparedResponse>;
  /** The canonical path of a page written with any language's slugs, if it names one. */
  resolveAlias(path: string): string | undefined;
  /** Each language's search page path (`/fr/recherche/`) to its language. */
  searchPaths: ReadonlyMap<string, Language>;
  /** Search itself, in every language. */
  search: SiteSearch;
  /** The search page for a query: the only page made per request, from parts rendered at start. */
  renderSearch(language: Language, query: VisitorQuery): Buffer;
  /** The error page in a language, or in every language side by side when none is known. */
  errorPage(kind: ErrorKind, language?: string): PreparedResponse;
  /** The pages feedback can be about, and the pages that answer it. */
  feedback: FeedbackPages;
}

const html = (body: string): PrepareOptions => ({ body, contentType: HTML });

/**
 * What rendering makes: every response's bytes, and what it learns on the way (the pages
 * feedback can be about). Plain data, so a build can keep it for a later start.
 */
export interface RenderedSite {
  pages: Map<string, PreparedResponse>;
  /** By `kind/language`, and by `kind` alone for the page in every language. */
  errors: Map<string, PreparedResponse>;
  feedbackTargets: FeedbackSetup['targets'];
}

/** Every page of the site rendered and compressed, as the bytes a request is answered with. */
export async function renderSite(
  context: RenderContext,
  compression: Compression = 'best',
): Promise<RenderedSite> {
  const { tree, baseUrl } = context;
  // The overview's diagram is laid out on a worker thread while this one renders the pages.
  const laidOut = layoutOverview(tree, context.translators);
  // Awaited below; marked handled now so a failure while pages render is not reported twice.
  laidOut.catch(() => undefined);
  const rendered = new Map<string, PrepareOptions>();
  // The table and the overview are made of every page: they are as fresh as the freshest.
  const latest = tree.nodes
    .map((node) => node.reviewed ?? '')
    .sort()
    .at(-1);
  const versions: Version[][] = [
    ...tree.nodes.map((node) =>
      tree.languages.map((language) => ({
        language,
        path: textIn(node, language).path,
        lastmod: node.reviewed,
      })),
    ),
    ...RENDERED_ONCE.map((page) =>
      tree.languages.map((language) => ({
        language,
        path: generatedPath(context, page, language),
        lastmod: latest,
      })),
    ),
  ];

  rendered.set('/', html(renderRootPage(context, 'root')));
  for (const language of tree.languages) {
    for (const node of tree.nodes) {
      const path = node.text[language.code]?.path;
      if (path) rendered.set(path, html(renderNodePage(context, node, language)));
    }
    rendered.set(
      generatedPath(context, 'matrix', language),
      html(renderMatrixPage(context, language)),
    );
    rendered.set(
      generatedPath(context, 'history', language),
      html(renderHistoryPage(context, language)),
    );
    rendered.set(historyFeedPath(context, language), {
      body: renderHistoryFeed(context, language),
      contentType: 'application/atom+xml; charset=utf-8',
    });
  }
  rendered.set('/sitemap.xml', {
    body: sitemapXml(baseUrl, versions),
    contentType: 'application/xml; charset=utf-8',
  });
  rendered.set('/robots.txt', {
    body: robotsTxt(baseUrl),
    contentType: 'text/plain; charset=utf-8',
  });

  const renderedErrors = new Map<string, PrepareOptions>();
  for (const kind of Object.keys(ERROR_STATUS) as ErrorKind[]) {
    const asError = (body: string): PrepareOptions => ({
      body,
      contentType: HTML,
      status: ERROR_STATUS[kind],
      cacheControl: NO_CACHE,
    });
    renderedErrors.set(kind, asError(renderRootPage(context, kind)));
    for (const language of tree.languages) {
      renderedErrors.set(
        `${kind}/${language.code}`,
        asError(renderErrorPage(context, language, kind)),
      );
    }
  }
  // The thread pool compresses these while the diagram's layout finishes.
  const compressing = Promise.all([
    prepareEach(rendered, compression),
    prepareEach(renderedErrors, compression),
  ]);
  const overview = await laidOut;
  const overviews = new Map(
    tree.languages.map((language) => [
      generatedPath(context, 'overview', language),
      html(renderOverviewPage(context, language, overview)),
    ]),
  );
  const [[pages, errors], overviewPages] = await Promise.all([
    compressing,
    prepareEach(overviews, compression),
  ]);
  for (const [path, page] of overviewPages) pages.set(path, page);
  return { pages, errors, feedbackTargets: context.feedback?.targets ?? new Map() };
}

/**
 * The site that requests look things up in, from its rendered pages. Rendering filled
 * `context.feedback.targets`; a site assembled from a kept rendering gets them from it.
 */
export function assembleSite(
  context: RenderContext,
  search: SiteSearch,
  { pages, errors }: RenderedSite,
): Site {
  const { tree } = context;
  const generated = GENERATED_PAGES.map((page) =>
    Object.fromEntries(
      tree.languages.map((language) => [language.code, generatedPath(context, page, language)]),
    ),
  );
  const searchPage = searchPages(context, search);
  return {
    tree,
    pages,
    resolveAlias: aliasResolver(tree, generated),
    searchPaths: new Map(
      tree.languages.map((language) => [generatedPath(context, 'search', language), language]),
    ),
    search,
    renderSearch: (language, query) => searchPage.render(language, query),
    errorPage(kind, language) {
      const page = errors.get(language ? `${kind}/${language}` : kind) ?? errors.get(kind);
      if (!page) throw new Error(`no ${kind} page`);
      return page;
    },
    feedback: feedbackPages(context),
  };
}

async function prepareEach(
  rendered: ReadonlyMap<string, PrepareOptions>,
  compression: Compression,
): Promise<Map<string, PreparedResponse>> {
  const prepared = await prepareAll([...rendered.values()], compression);
  return new Map(
    [...rendered.keys()].map((key, index) => [key, prepared[index] as PreparedResponse]),
  );
}
