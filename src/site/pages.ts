import type nunjucks from 'nunjucks';
import type { ContentNode, ContentTree, Language } from '../content/tree';
import type { Translate } from '../i18n';

/** Everything a page needs to be rendered, fixed once at start. */
export interface RenderContext {
  tree: ContentTree;
  views: nunjucks.Environment;
  translators: Readonly<Record<string, Translate>>;
  /** Logical asset name to fingerprinted URL. */
  assets: Readonly<Record<string, string>>;
}

/** Node ids the layout links to on every page: the validator insists they exist. */
export const LAYOUT_NODE_IDS = ['home', 'start', 'definitions', 'contact', 'about'] as const;

export type ErrorKind = 'notFound' | 'badRequest' | 'serverError';

interface Link {
  title: string;
  path: string;
  description?: string;
}

function translator(context: RenderContext, language: Language): Translate {
  const t = context.translators[language.code];
  if (!t) throw new Error(`no interface strings for "${language.code}"`);
  return t;
}

function textOf(node: ContentNode, language: Language) {
  const text = node.text[language.code];
  if (!text) throw new Error(`"${node.id}" has no "${language.code}" text`);
  return text;
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
  return Object.fromEntries(
    LAYOUT_NODE_IDS.map((id) => {
      const node = context.tree.byId.get(id);
      return [id, node ? textOf(node, language).path : `/${language.code}/`];
    }),
  );
}

function documentTitle(node: ContentNode, language: Language, t: Translate): string {
  const text = textOf(node, language);
  const parts =
    node.kind === 'home'
      ? [t('nav.home')]
      : node.profile
        ? [text.heading, textOf(node.profile, language).title]
        : [text.heading];
  return [...parts, t('site.name')].join(' – ');
}

/** The same node in every other language: the language switch. */
function alternates(context: RenderContext, language: Language, pathIn: (l: Language) => string) {
  return context.tree.languages
    .filter((other) => other.code !== language.code)
    .map((other) => ({ language: other, path: pathIn(other) }));
}

function layoutView(context: RenderContext, language: Language) {
  return {
    language,
    t: translator(context, language),
    assets: context.assets,
    links: layoutLinks(context, language),
  };
}

export function renderNodePage(
  context: RenderContext,
  node: ContentNode,
  language: Language,
): string {
  const t = translator(context, language);
  const page = textOf(node, language);
  const view = {
    ...layoutView(context, language),
    documentTitle: documentTitle(node, language, t),
    description: page.description,
    alternates: alternates(context, language, (other) => textOf(node, other).path),
    breadcrumb: node.kind === 'home' ? [] : node.trail.map((crumb) => linkTo(crumb, language)),
    current: node.kind === 'home' ? t('nav.home') : page.heading,
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

export function renderErrorPage(
  context: RenderContext,
  language: Language,
  kind: ErrorKind,
): string {
  const t = translator(context, language);
  const messages = `errors.${kind}`;
  const home = textOf(context.tree.home, language);
  return context.views.render('pages/error.njk', {
    ...layoutView(context, language),
    documentTitle: `${t(`${messages}.title`)} – ${t('site.name')}`,
    description: t(`${messages}.body`),
    // An error page is no page of its own: the switch leads to the other language's home.
    alternates: alternates(context, language, (other) => textOf(context.tree.home, other).path),
    breadcrumb: [{ title: t('nav.home'), path: home.path }],
    current: t(`${messages}.title`),
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
  const messages = kind === 'root' ? 'root' : `errors.${kind}`;
  const title = sections.map((s) => s.t(kind === 'root' ? 'site.name' : `${messages}.title`));
  return context.views.render('pages/root.njk', {
    sections,
    messages,
    assets: context.assets,
    documentTitle: title.join(' – '),
    description: sections
      .map((s) => s.t(kind === 'root' ? 'root.intro' : `${messages}.body`))
      .join(' '),
  });
}
