import { escapeMarkup } from '../lib/escape';
import { profileOf, textIn, type ContentNode, type Language } from '../content/tree';
import type { Excerpt } from '../search/excerpt';
import type { SearchDocument } from '../search/index';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, type VisitorQuery } from '../search/query';
import { MAX_RESULT_LINES, type SiteSearch } from '../search/search';
import {
  generatedPath,
  homeCrumb,
  layoutView,
  linkTo,
  translator,
  type GeneratedPage,
  type RenderContext,
} from './layout';
import { verdictOf, type VerdictView } from './verdicts';

/** The pages the site generates that search can find (the search page itself is not one). */
const SEARCHABLE_PAGES: readonly GeneratedPage[] = ['matrix', 'overview'];

/** The table and the overview as search reads them: their title, summary and introduction. */
export function generatedDocuments(context: RenderContext) {
  return (code: string): SearchDocument[] => {
    const language = context.tree.languages.find((candidate) => candidate.code === code);
    if (!language) return [];
    const t = translator(context, language);
    return SEARCHABLE_PAGES.map((page) => ({
      id: page,
      kind: 'generated',
      fields: {
        title: t(`${page}.title`),
        names: '',
        description: t(`${page}.description`),
        question: '',
        text: t(`${page}.intro`),
      },
    }));
  };
}

/**
 * A page rendered once with markers where the query goes, cut at them and each part encoded
 * once: a request only puts bytes together. The markers are letters only, so no escaping along
 * the way changes them.
 */
const SLOT = (name: string) => `zqzslot${name}zqz`;
const SLOTS = /zqzslot(\w+)zqz/;

type Slot = 'query' | 'queryUrl' | 'count' | 'results' | 'excerpt';
type Template = readonly (Buffer | { slot: Slot })[];
/** What fills each slot: its bytes, in one or more pieces. */
type SlotValues = Readonly<Partial<Record<Slot, readonly Buffer[]>>>;

function template(rendered: string): Template {
  return rendered
    .split(SLOTS)
    .map((part, index) => (index % 2 === 1 ? { slot: part as Slot } : Buffer.from(part)));
}

/** Appends the template's bytes to `out`, each slot filled from `values`. */
function fill(out: Buffer[], parts: Template, values: SlotValues): Buffer[] {
  for (const part of parts) {
    if (Buffer.isBuffer(part)) out.push(part);
    else for (const piece of values[part.slot] ?? []) out.push(piece);
  }
  return out;
}

function excerptHtml(excerpt: Excerpt): string {
  // The one piece of markup written here: a matched word, set apart for the eye.
  return excerpt
    .map(({ text, marked }) => (marked ? `<mark>${escapeMarkup(text)}</mark>` : escapeMarkup(text)))
    .join('');
}

const NEWLINE = Buffer.from('\n');

interface Choice {
  path: string;
  title: string;
  verdict?: VerdictView;
}

/** What one line of results shows of a page, besides its excerpt. */
interface LineView {
  path: string;
  title: string;
  /** For an answer: the profile it is for, and its verdict. */
  profile?: string;
  verdict?: VerdictView;
  /** For a topic, each profile's answer; for a profile, its tasks; each with its verdict. */
  choices: Choice[];
}

function lineView(context: RenderContext, language: Language, node: ContentNode): LineView {
  const t = translator(context, language);
  const text = textIn(node, language);
  const answer = (task: ContentNode, title: string): Choice => ({
    path: textIn(task, language).path,
    title,
    verdict: verdictOf(task, language, t),
  });
  return {
    path: text.path,
    title: text.heading,
    profile: node.verdict && node.profile ? textIn(node.profile, language).title : undefined,
    verdict: verdictOf(node, language, t),
    choices:
      node.kind === 'topic'
        ? node.tasks.map((task) => answer(task, textIn(profileOf(task), language).title))
        : node.kind === 'profile'
          ? node.tasks.map((task) => answer(task, textIn(task, language).heading))
          : [],
  };
}

/**
 * One language's parts, each rendered the first time it is needed and then kept: a site with
 * many pages starts no slower for it, and no part is rendered twice.
 */
interface LanguagePages {
  /** By state and notices: `empty`, or `results`/`none` with `cut` and `shortened`. */
  shell(state: 'empty' | 'results' | 'none', cut: boolean, shortened: boolean): Template;
  /** Each result line by the id of the page it leads to. */
  line(id: string): Template;
  counts: Buffer[];
}

function remembered<T>(make: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) kept.set(key, (value = make(key)));
    return value;
  };
}

function languagePages(context: RenderContext, language: Language): LanguagePages {
  const t = translator(context, language);
  const page = (state: string, cut: boolean, shortened: boolean) => {
    const query = state === 'empty' ? '' : SLOT('query');
    return context.views.render('pages/search.njk', {
      ...layoutView(context, language, {
        title: query ? t('search.resultsTitle', { query }) : t('search.title'),
        description: t('search.description'),
        pathIn: (other) => {
          const path = generatedPath(context, 'search', other);
          return query ? `${path}?q=${SLOT('queryUrl')}` : path;
        },
        breadcrumb: [homeCrumb(context, language)],
        current: t('search.title'),
        noindex: true,
      }),
      profiles: context.tree.profiles.map((profile) => linkTo(profile, language, true)),
      search: {
        state,
        query,
        cut,
        shortened,
        maxLength: MAX_QUERY_LENGTH,
        maxTerms: MAX_QUERY_TERMS,
        count: SLOT('count'),
        results: SLOT('results'),
      },
    });
  };
  const shell = remembered((key) => {
    const [state = 'none', cut, shortened] = key.split(' ');
    return template(page(state, cut === 'cut', shortened === 'shortened'));
  });
  const line = remembered((id) => {
    const node = context.tree.byId.get(id);
    const view: LineView = node
      ? lineView(context, language, node)
      : {
          path: generatedPath(context, id as GeneratedPage, language),
          title: t(`${id}.title`),
          choices: [],
        };
    return template(
      context.views.render('partials/search-result.njk', {
        t,
        line: view,
        excerpt: SLOT('excerpt'),
      }),
    );
  });
  return {
    shell: (state, cut, shortened) =>
      shell(`${state} ${cut ? 'cut' : '-'} ${shortened ? 'shortened' : '-'}`),
    line,
    counts: Array.from({ length: MAX_RESULT_LINES + 1 }, (_, count) =>
      Buffer.from(escapeMarkup(t('search.count', { count }))),
    ),
  };
}

export interface SearchPages {
  /** The whole search page for a query, as bytes: search, then parts put together. */
  render(language: Language, query: VisitorQuery): Buffer;
}

export function searchPages(context: RenderContext, search: SiteSearch): SearchPages {
  const byLanguage = new Map(
    context.tree.languages.map((language) => [language.code, languagePages(context, language)]),
  );
  return {
    render(language, query) {
      const pages = byLanguage.get(language.code);
      if (!pages) throw new Error(`no search page in ${language.code}`);
      if (!query.text) return Buffer.concat(fill([], pages.shell('empty', false, false), {}));
      const result = search.search(language.code, query.text);
      const state = result.lines.length > 0 ? 'results' : 'none';
      const results: Buffer[] = [];
      result.lines.forEach(({ id, excerpt }, at) => {
        if (at > 0) results.push(NEWLINE);
        fill(results, pages.line(id), { excerpt: [Buffer.from(excerptHtml(excerpt))] });
      });
      const count = pages.counts[result.lines.length];
      return Buffer.concat(
        fill([], pages.shell(state, query.cut, result.shortened), {
          query: [Buffer.from(escapeMarkup(query.text))],
          queryUrl: [Buffer.from(escapeMarkup(encodeURIComponent(query.text)))],
          count: count ? [count] : [],
          results,
        }),
      );
    },
  };
}
