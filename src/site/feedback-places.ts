import type { Language } from '../content/tree';
import type { FeedbackTarget } from '../feedback/model';
import { targetKey } from './feedback-form';
import { homeCrumb, textOf, translator, type Link, type RenderContext } from './layout';

export type FeedbackPageKind = 'comment' | 'thanks';

/** Where feedback pages are, and which pages feedback can be about. */
export interface FeedbackPlaces {
  findTarget(id: string, language: string): FeedbackTarget | undefined;
  /** The comment and thank-you pages of every language, by path. */
  pageAt(path: string): { language: Language; kind: FeedbackPageKind } | undefined;
  pathOf(kind: FeedbackPageKind, target: FeedbackTarget, afterNo?: boolean): string;
  languageOf(target: FeedbackTarget): Language;
  /** The same feedback page about the same page, in another language. */
  pathIn(
    kind: FeedbackPageKind,
    target: FeedbackTarget,
    afterNo?: boolean,
  ): (other: Language) => string;
  /** Home, then the page the feedback is about. */
  trail(target: FeedbackTarget): Link[];
}

/**
 * Each language's feedback pages sit under a slug of its own (`/fr/avis/`, `/nl/feedback/`,
 * reserved so that no content page takes it), and name the page they are about in the query.
 */
export function feedbackPlaces(context: RenderContext): FeedbackPlaces {
  const { tree } = context;
  const targets = context.feedback?.targets ?? new Map<string, FeedbackTarget>();
  const folder = (language: Language, kind: FeedbackPageKind) => {
    const t = translator(context, language);
    const base = `/${language.code}/${t('feedback.slug')}/`;
    return kind === 'comment' ? base : `${base}${t('feedback.thanksSlug')}/`;
  };
  const pages = new Map(
    tree.languages.flatMap((language) =>
      (['comment', 'thanks'] as const).map((kind) => [folder(language, kind), { language, kind }]),
    ),
  );
  const languageOf = (target: FeedbackTarget) => {
    const language = tree.languages.find((candidate) => candidate.code === target.language);
    if (!language) throw new Error(`no language "${target.language}"`);
    return language;
  };
  const findTarget = (id: string, language: string) => targets.get(targetKey(id, language));
  const pathOf = (kind: FeedbackPageKind, target: FeedbackTarget, afterNo = false) => {
    const query = `?page=${encodeURIComponent(target.id)}${afterNo ? '&after=no' : ''}`;
    return `${folder(languageOf(target), kind)}${query}`;
  };
  return {
    findTarget,
    pageAt: (path) => pages.get(path),
    pathOf,
    languageOf,
    pathIn: (kind, target, afterNo) => (other) => {
      const there = findTarget(target.id, other.code);
      return there ? pathOf(kind, there, afterNo) : textOf(tree.home, other).path;
    },
    trail(target) {
      const home = homeCrumb(context, languageOf(target));
      return target.path === home.path
        ? [home]
        : [home, { title: target.title, path: target.path }];
    },
  };
}
