import type nunjucks from 'nunjucks';
import type { ContentNode, ContentTree, Language } from '../content/tree';
import type { Translate } from '../i18n';
import { MAX_QUERY_LENGTH, type SearchHit } from '../search/search';
import { breadcrumbJsonLd, pageMeta, type PageMeta } from './meta';
import { topicRows } from './matrix';

/** Everything a page needs to be rendered, fixed once at start. */
export interface RenderContext {
  tree: ContentTree;
  views: nunjucks.Environment;
  translators: Readonly<Record<string, Translate>>;
  /** Logical asset name to fingerprinted URL. */
  assets: Readonly<Record<string, string>>;
  /** Public address of the site, without a trailing slash: canonical URLs start with it. */
  baseUrl: string;
}

/** Node ids the layout links to on every page: the validator insists they exist. */
export const LAYOUT_NODE_IDS = ['home', 'start', 'definitions', 'contact', 'about'] as const;

export type ErrorKind = 'notFound' | 'badRequest' | 'uriTooLong' | 'serverError';

/** Pages the site makes itself (not from a content file), each at `/{lang}/{slug}/`. */
export const GENERATED_PAGES = ['search', 'matrix'] as const;
export type GeneratedPage = (typeof GENERATED_PAGES)[number];

interface Link {
  title: string;
  path: string;
  description?: string;
}

export function translator(context: RenderContext, language: Language): Translate {
  const t = context.translators[language.code];
  if (!t) throw new Error(`no interface strings for "${language.code}"`);
  return t;
}

function textOf(node: ContentNode, language: Language) {
  const text = node.text[language.code];
  if (!text) throw new Error(`"${node.id}" has no "${language.code}" text`);
  return text;
}

/** Where a generated page lives in a language; its slug is an interface string. */
export function generatedPath(context: RenderContext, page: GeneratedPage, language: Language) {
  return `/${language.code}/${translator(context, language)(`${page}.slug`)}/`;
}

function linkTo(node: ContentNode, language: Language, withDescription = false): Link {
  const text = textOf(node, language);
  return {
    title: text.heading,
    path: text.path,
    description: withDescription ? text.description : undefined,
  };
}

function layoutLinks(context: RenderContext, language: Language): Record<string, string> {
  const links: Record<string, string> = {};
  for (const id of LAYOUT_NODE_IDS) {
    const node = context.tree.byId.get(id);
    links[id] = node ? textOf(node, language).path : `/${language.code}/`;
  }
  for (const page of GENERATED_PAGES) links[page] = generatedPath(context, page, language);
  return links;
}

/** The same page in every language: `pathIn` says where it is in each. */
function samePageIn(context: RenderContext, pathIn: (language: Language) => string) {
  return context.tree.languages.map((language) => ({ language, path: pathIn(language) }));
}

interface PageFrame {
  title: string;
  description: string;
  pathIn: (language: Language) => string;
  breadcrumb: Link[];
  current: string;
  jsonLd?: boolean;
  noindex?: boolean;
}

/** What every page's layout needs: navigation, language switch and metadata. */
function layoutView(context: RenderContext, language: Language, frame: PageFrame) {
  const t = translator(context, language);
  const versions = samePageIn(context, frame.pathIn);
  const meta: PageMeta = pageMeta({
    baseUrl: context.baseUrl,
    language,
    versions,
    title: frame.title,
    siteName: t('site.name'),
    noindex: frame.noindex,
    jsonLd: frame.jsonLd
      ? breadcrumbJsonLd(context.baseUrl, [
          ...frame.breadcrumb,
          { title: frame.current, path: frame.pathIn(language) },
        ])
      : undefined,
  });
  return {
    language,
    t,
    assets: context.assets,
    links: layoutLinks(context, language),
    documentTitle: `${frame.title} – ${t('site.name')}`,
    description: frame.description,
    alternates: versions.filter((version) => version.language.code !== language.code),
    breadcrumb: frame.breadcrumb,
    current: frame.current,
    meta,
  };
}

function titleOf(node: ContentNode, language: Language, t: Translate): string {
  const text = textOf(node, language);
  if (node.kind === 'home') return t('nav.home');
  return node.profile ? `${text.heading} – ${textOf(node.profile, language).title}` : text.heading;
}

export function renderNodePage(
  context: RenderContext,
  node: ContentNode,
  language: Language,
): string {
  const t = translator(context, language);
  const page = textOf(node, language);
  const home = { title: t('nav.home'), path: textOf(context.tree.home, language).path };
  const view = {
    ...layoutView(context, language, {
      title: titleOf(node, language, t),
      description: page.description,
      pathIn: (other) => textOf(node, other).path,
      breadcrumb: node.trail.map((crumb) =>
        crumb.kind === 'home' ? home : linkTo(crumb, language),
      ),
      current: node.kind === 'home' ? t('nav.home') : page.heading,
      jsonLd: node.kind === 'task' || node.kind === 'profile',
    }),
    page,
    profile: node.profile ? textOf(node.profile, language) : undefined,
    profiles: node.profiles.map((profile) => linkTo(profile, language, true)),
    tasks: node.tasks.map((task) => linkTo(task, language)),
    otherTasks: (node.profile?.tasks ?? [])
      .filter((task) => task !== node)
      .map((task) => linkTo(task, language)),
  };
  return context.views.render(`pages/${node.kind}.njk`, view);
}

function homeCrumb(context: RenderContext, language: Language): Link {
  return {
    title: translator(context, language)('nav.home'),
    path: textOf(context.tree.home, language).path,
  };
}

export function renderMatrixPage(context: RenderContext, language: Language): string {
  const t = translator(context, language);
  const { profiles } = context.tree;
  return context.views.render('pages/matrix.njk', {
    ...layoutView(context, language, {
      title: t('matrix.title'),
      description: t('matrix.description'),
      pathIn: (other) => generatedPath(context, 'matrix', other),
      breadcrumb: [homeCrumb(context, language)],
      current: t('matrix.title'),
    }),
    matrix: {
      profiles: profiles.map((profile) => linkTo(profile, language)),
      rows: topicRows(context.tree).map((row) => ({
        title: textOf(row.first, language).heading,
        cells: profiles.map((profile) => {
          const task = row.byProfile.get(profile);
          return {
            profile: textOf(profile, language).title,
            path: task ? textOf(task, language).path : undefined,
          };
        }),
      })),
    },
  });
}

export interface SearchView {
  query: string;
  truncated: boolean;
  hits: SearchHit[];
}

export function renderSearchPage(
  context: RenderContext,
  language: Language,
  search: SearchView,
): string {
  const t = translator(context, language);
  const title = search.query
    ? t('search.resultsTitle', { query: search.query })
    : t('search.title');
  const withQuery = (path: string) =>
    search.query ? `${path}?q=${encodeURIComponent(search.query)}` : path;
  return context.views.render('pages/search.njk', {
    ...layoutView(context, language, {
      title,
      description: t('search.description'),
      pathIn: (other) => withQuery(generatedPath(context, 'search', other)),
      breadcrumb: [homeCrumb(context, language)],
      current: t('search.title'),
      noindex: true,
    }),
    profiles: context.tree.profiles.map((profile) => linkTo(profile, language, true)),
    search: { ...search, maxLength: MAX_QUERY_LENGTH },
  });
}

export function renderErrorPage(
  context: RenderContext,
  language: Language,
  kind: ErrorKind,
): string {
  const t = translator(context, language);
  const messages = `errors.${kind}`;
  return context.views.render('pages/error.njk', {
    ...layoutView(context, language, {
      title: t(`${messages}.title`),
      description: t(`${messages}.body`),
      // An error is no page of its own: the switch leads to the other language's home.
      pathIn: (other) => textOf(context.tree.home, other).path,
      breadcrumb: [homeCrumb(context, language)],
      current: t(`${messages}.title`),
      noindex: true,
    }),
    messages,
  });
}

/** The page at `/`, or an error where no language is known: every language side by side. */
export function renderRootPage(context: RenderContext, kind: 'root' | ErrorKind): string {
  const sections = context.tree.languages.map((language) => ({
    language,
    t: translator(context, language),
    home: textOf(context.tree.home, language).path,
  }));
  const [first] = sections;
  if (!first) throw new Error('no language');
  const messages = kind === 'root' ? 'root' : `errors.${kind}`;
  const title = sections
    .map((s) => s.t(kind === 'root' ? 'site.name' : `${messages}.title`))
    .join(' – ');
  const meta =
    kind === 'root'
      ? pageMeta({
          baseUrl: context.baseUrl,
          language: first.language,
          versions: sections.map((s) => ({ language: s.language, path: s.home })),
          canonicalPath: '/',
          title,
          siteName: title,
        })
      : { noindex: true };
  return context.views.render('pages/root.njk', {
    sections,
    messages,
    assets: context.assets,
    documentTitle: title,
    description: sections
      .map((s) => s.t(kind === 'root' ? 'root.intro' : `${messages}.body`))
      .join(' '),
    meta,
  });
}
