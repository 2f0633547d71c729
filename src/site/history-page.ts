import type { Language } from '../content/tree';
import { writtenDate } from './dates';
import { historyEntries } from './history';
import {
  generatedPath,
  historyFeedPath,
  homeCrumb,
  layoutView,
  linkTo,
  translator,
  type RenderContext,
} from './layout';

/** « Ce qui a changé »: every dated change of the guide, newest first, with its feed. */
export function renderHistoryPage(context: RenderContext, language: Language): string {
  const t = translator(context, language);
  const entries = historyEntries(context.tree, language).map(({ node, line }) => ({
    page: linkTo(node, language),
    date: line.date,
    label: t('history.line', { date: writtenDate(line.date, language) }),
    html: line.changeHtml,
  }));
  return context.views.render('pages/history.njk', {
    ...layoutView(context, language, {
      title: t('history.pageTitle'),
      description: t('history.description'),
      pathIn: (other) => generatedPath(context, 'history', other),
      breadcrumb: [homeCrumb(context, language)],
      current: t('history.pageTitle'),
    }),
    entries,
    feed: historyFeedPath(context, language),
  });
}

/**
 * The same changes as an Atom feed (RFC 4287), for those who follow procedures: each entry
 * links to its page in the feed's language, and keeps its id as later changes arrive.
 */
export function renderHistoryFeed(context: RenderContext, language: Language): string {
  const t = translator(context, language);
  const { baseUrl, tree } = context;
  const host = new URL(baseUrl).hostname;
  const entries = historyEntries(tree, language).map(({ node, line, ordinal }) => ({
    id: `tag:${host},${line.date}:${language.code}/${node.id}/${ordinal}`,
    title: linkTo(node, language).title,
    url: baseUrl + linkTo(node, language).path,
    updated: `${line.date}T00:00:00Z`,
    summary: line.changeText,
  }));
  // With no change yet, the feed is as new as the newest check of the content.
  const newest =
    entries[0]?.updated ??
    `${
      tree.nodes
        .map((node) => node.reviewed ?? '')
        .sort()
        .at(-1) ?? '1970-01-01'
    }T00:00:00Z`;
  const page = generatedPath(context, 'history', language);
  return context.views.render('feed.atom.njk', {
    language,
    title: t('history.feedTitle', { site: t('site.name') }),
    subtitle: t('history.description'),
    author: t('site.name'),
    id: baseUrl + page,
    self: baseUrl + historyFeedPath(context, language),
    alternate: baseUrl + page,
    updated: newest,
    entries,
  });
}
