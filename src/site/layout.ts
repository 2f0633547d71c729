import type nunjucks from 'nunjucks';
import { textIn, type ContentNode, type ContentTree, type Language } from '../content/tree';
import type { Translate } from './i18n';
import { feedbackForm, type FeedbackSetup } from './feedback-form';
import { breadcrumbJsonLd, pageMeta, type PageMeta } from './meta';

/** Everything a page needs to be rendered, fixed once at start. */
export interface RenderContext {
  tree: ContentTree;
  views: nunjucks.Environment;
  translators: Readonly<Record<string, Translate>>;
  /** Logical asset name to fingerprinted URL. */
  assets: Readonly<Record<string, string>>;
  /** Public address of the site, without a trailing slash: canonical URLs start with it. */
  baseUrl: string;
  /** Where feedback forms post, and the pages that carry one. */
  feedback?: FeedbackSetup;
}

/** Node ids the layout links to on every page: the validator insists they exist. */
export const LAYOUT_NODE_IDS = [
  'home',
  'start',
  'definitions',
  'contact',
  'about',
  'topics',
  'finder',
  'accessibility',
  'glossary',
  'applications',
] as const;

/** Pages the site makes itself (not from a content file), each at `/{lang}/{slug}/`. */
export const GENERATED_PAGES = ['search', 'matrix', 'overview', 'history'] as const;
export type GeneratedPage = (typeof GENERATED_PAGES)[number];

export interface Link {
  title: string;
  path: string;
  description?: string;
}

export function translator(context: RenderContext, language: Language): Translate {
  const t = context.translators[language.code];
  if (!t) throw new Error(`no interface strings for "${language.code}"`);
  return t;
}

/** A node's text in the page's language: validated, so a missing one fails loudly. */
export function textOf(node: ContentNode, language: Language) {
  return textIn(node, language);
}

/** Where a generated page lives in a language; its slug is an interface string. */
export function generatedPath(context: RenderContext, page: GeneratedPage, language: Language) {
  return `/${language.code}/${translator(context, language)(`${page}.slug`)}/`;
}

export function linkTo(node: ContentNode, language: Language, withDescription = false): Link {
  const text = textOf(node, language);
  return {
    title: text.heading,
    path: text.path,
    description: withDescription ? text.description : undefined,
  };
}

/** The Atom feed of a language's changes, beside its page: `/fr/modifications/atom.xml`. */
export function historyFeedPath(context: RenderContext, language: Language): string {
  return `${generatedPath(context, 'history', language)}atom.xml`;
}

function layoutLinks(context: RenderContext, language: Language): Record<string, string> {
  const links: Record<string, string> = {};
  for (const id of LAYOUT_NODE_IDS) {
    const node = context.tree.byId.get(id);
    links[id] = node ? textOf(node, language).path : `/${language.code}/`;
  }
  for (const page of GENERATED_PAGES) links[page] = generatedPath(context, page, language);
  links.feed = historyFeedPath(context, language);
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
  /** The page's stable id, on content pages: they carry the "was this page useful?" form. */
  feedback?: string;
  /** When a person last checked the page against the official pages, in the page's words. */
  reviewed?: string;
}

/** What every page's layout needs: navigation, language switch and metadata. */
export function layoutView(context: RenderContext, language: Language, frame: PageFrame) {
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
    reviewed: frame.reviewed,
    meta,
    feedback: frame.feedback
      ? feedbackForm(context.feedback, language, {
          id: frame.feedback,
          path: frame.pathIn(language),
          title: frame.title,
        })
      : null,
  };
}

export function homeCrumb(context: RenderContext, language: Language): Link {
  return {
    title: translator(context, language)('nav.home'),
    path: textOf(context.tree.home, language).path,
  };
}
