import type { Language } from '../content/tree';
import { MAX_QUERY_LENGTH, type SearchHit } from '../search/search';
import {
  generatedPath,
  homeCrumb,
  layoutView,
  linkTo,
  translator,
  type RenderContext,
} from './layout';

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
