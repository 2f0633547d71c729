import type { ContentNode, ContentTree } from '../content/tree';
import { NO_CACHE, prepare, type PreparedResponse } from '../http/prepared';
import {
  renderErrorPage,
  renderNodePage,
  renderRootPage,
  type ErrorKind,
  type RenderContext,
} from './pages';

const HTML = 'text/html; charset=utf-8';

const ERROR_STATUS: Record<ErrorKind, number> = {
  badRequest: 400,
  notFound: 404,
  serverError: 500,
};

/** The whole site, rendered once: requests only look things up here. */
export interface Site {
  tree: ContentTree;
  /** Canonical path (`/fr/representant-legal/`) to its page; `/` is the language choice. */
  pages: ReadonlyMap<string, PreparedResponse>;
  /** A page's path written with another language's slugs, to its canonical path. */
  aliases: ReadonlyMap<string, string>;
  /** The error page in a language, or in every language side by side when none is known. */
  errorPage(kind: ErrorKind, language?: string): PreparedResponse;
}

export function buildSite(context: RenderContext): Site {
  const { tree } = context;
  const pages = new Map<string, PreparedResponse>();
  pages.set('/', prepare({ body: renderRootPage(context, 'root'), contentType: HTML }));
  for (const language of tree.languages) {
    for (const node of tree.nodes) {
      const path = node.text[language.code]?.path;
      if (!path) continue;
      pages.set(
        path,
        prepare({ body: renderNodePage(context, node, language), contentType: HTML }),
      );
    }
  }

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
    errorPage(kind, language) {
      const page = errors.get(language ? `${kind}/${language}` : kind) ?? errors.get(kind);
      if (!page) throw new Error(`no ${kind} page`);
      return page;
    },
  };
}

/** Every way to spell a node's path with slugs of any language, under each language's prefix. */
function slugPaths(node: ContentNode, codes: readonly string[]): string[] {
  const slugs = (n: ContentNode) => codes.map((code) => n.text[code]?.slug ?? '');
  if (node.kind === 'home') return [''];
  if (!node.profile) return slugs(node).map((slug) => `${slug}/`);
  const profileSlugs = slugs(node.profile);
  return profileSlugs.flatMap((profile) => slugs(node).map((task) => `${profile}/${task}/`));
}

function aliasesOf(tree: ContentTree): Map<string, string> {
  const codes = tree.languages.map((language) => language.code);
  const aliases = new Map<string, string>();
  for (const node of tree.nodes) {
    for (const code of codes) {
      const canonical = node.text[code]?.path;
      if (!canonical) continue;
      for (const rest of slugPaths(node, codes)) {
        const alias = `/${code}/${rest}`;
        if (alias !== canonical && !aliases.has(alias)) aliases.set(alias, canonical);
      }
    }
  }
  return aliases;
}
