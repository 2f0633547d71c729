import type { ContentNode, Language } from '../content/tree';
import type { Translate } from '../i18n';
import { MAX_QUERY_LENGTH, type SearchHit } from '../search/search';
import {
  generatedPath,
  homeCrumb,
  layoutView,
  linkTo,
  textOf,
  translator,
  type RenderContext,
} from './layout';
import { topicRows } from './matrix';

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
      feedback: node.id,
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
      feedback: 'matrix',
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
