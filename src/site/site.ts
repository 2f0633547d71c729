import type { ContentTree, Language } from '../content/tree';
import { NO_CACHE, prepare, type PreparedResponse } from '../http/prepared';
import { MAX_QUERY_LENGTH, type SiteSearch } from '../search/search';
import type { Version } from './meta';
import { renderErrorPage, renderRootPage, type ErrorKind } from './error-pages';
import { feedbackPages, type FeedbackPages } from './feedback-pages';
import { generatedPath, type RenderContext } from './layout';
import { renderMatrixPage, renderNodePage, renderSearchPage } from './pages';
import { robotsTxt, sitemapXml } from './sitemap';

const HTML = 'text/html; charset=utf-8';

const ERROR_STATUS: Record<ErrorKind, number> = {
  badRequest: 400,
  notFound: 404,
  uriTooLong: 414,
  serverError: 500,
};

/** The whole site, rendered once: requests only look things up here. */
export interface Site {
  tree: ContentTree;
  /** Canonical path (`/fr/representant-legal/`) to its response; `/` is the language choice. */
  pages: ReadonlyMap<string, PreparedResponse>;
  /** A page's path written with another language's slugs, to its canonical path. */
  aliases: ReadonlyMap<string, string>;
  /** Each language's search page path (`/fr/recherche/`) to its language. */
  searchPaths: ReadonlyMap<string, Language>;
  /** The search page for a query: the only page rendered per request. */
  renderSearch(language: Language, rawQuery: string): string;
  /** The error page in a language, or in every language side by side when none is known. */
  errorPage(kind: ErrorKind, language?: string): PreparedResponse;
  /** The pages feedback can be about, and the pages that answer it. */
  feedback: FeedbackPages;
}

const html = (body: string) => prepare({ body, contentType: HTML });

export function buildSite(context: RenderContext, search: SiteSearch): Site {
  const { tree, baseUrl } = context;
  const pages = new Map<string, PreparedResponse>();
  const versions: Version[][] = [];

  pages.set('/', html(renderRootPage(context, 'root')));
  for (const node of tree.nodes) {
    versions.push(
      tree.languages.map((language) => ({ language, path: node.text[language.code]?.path ?? '' })),
    );
  }
  versions.push(
    tree.languages.map((language) => ({
      language,
      path: generatedPath(context, 'matrix', language),
    })),
  );
  for (const language of tree.languages) {
    for (const node of tree.nodes) {
      const path = node.text[language.code]?.path;
      if (path) pages.set(path, html(renderNodePage(context, node, language)));
    }
    pages.set(
      generatedPath(context, 'matrix', language),
      html(renderMatrixPage(context, language)),
    );
  }
  pages.set(
    '/sitemap.xml',
    prepare({ body: sitemapXml(baseUrl, versions), contentType: 'application/xml; charset=utf-8' }),
  );
  pages.set(
    '/robots.txt',
    prepare({ body: robotsTxt(baseUrl), contentType: 'text/plain; charset=utf-8' }),
  );

  const errors = new Map<string, PreparedResponse>();
  for (const kind of Object.keys(ERROR_STATUS) as ErrorKind[]) {
    const prepareError = (body: string) =>
      prepare({ body, contentType: HTML, status: ERROR_STATUS[kind], cacheControl: NO_CACHE });
    errors.set(kind, prepareError(renderRootPage(context, kind)));
    for (const language of tree.languages) {
      errors.set(
        `${kind}/${language.code}`,
        prepareError(renderErrorPage(context, language, kind)),
      );
    }
  }

  return {
    tree,
    pages,
    aliases: aliasesOf(tree),
    searchPaths: new Map(
      tree.languages.map((language) => [generatedPath(context, 'search', language), language]),
    ),
    renderSearch(language, rawQuery) {
      const trimmed = rawQuery.trim().replace(/\s+/g, ' ');
      const query = trimmed.slice(0, MAX_QUERY_LENGTH);
      const hits = query ? search.search(language.code, query) : [];
      return renderSearchPage(context, language, {
        query,
        truncated: trimmed.length > query.length,
        hits,
      });
    },
    errorPage(kind, language) {
      const page = errors.get(language ? `${kind}/${language}` : kind) ?? errors.get(kind);
      if (!page) throw new Error(`no ${kind} page`);
      return page;
    },
    feedback: feedbackPages(context),
  };
}

/** Every way to spell a node's path with slugs of any language, under each language's prefix. */
function aliasesOf(tree: ContentTree): Map<string, string> {
  const codes = tree.languages.map((language) => language.code);
  const aliases = new Map<string, string>();
  for (const node of tree.nodes) {
    const slugs = (n: typeof node) => codes.map((code) => n.text[code]?.slug ?? '');
    const rests =
      node.kind === 'home'
        ? ['']
        : node.profile
          ? slugs(node.profile).flatMap((profile) =>
              slugs(node).map((task) => `${profile}/${task}/`),
            )
          : slugs(node).map((slug) => `${slug}/`);
    for (const code of codes) {
      const canonical = node.text[code]?.path;
      if (!canonical) continue;
      for (const rest of rests) {
        const alias = `/${code}/${rest}`;
        if (alias !== canonical && !aliases.has(alias)) aliases.set(alias, canonical);
      }
    }
  }
  return aliases;
}
