import type { Language } from '../content/tree';
import type { FeedbackTarget } from '../feedback/model';
import {
  MAX_COMMENT_LENGTH,
  type CommentError,
  type CommentField,
  type CommentText,
} from '../feedback/submission';
import { FEEDBACK_PATH, targetKey, type CommentFormView } from './feedback-form';
import { homeCrumb, layoutView, textOf, translator, type Link, type RenderContext } from './layout';

export type FeedbackPageKind = 'comment' | 'thanks';

/** Why a post was not recorded, when the visitor has to be told. */
export type FeedbackProblem = 'unavailable' | 'limited' | 'refused' | 'malformed' | 'tooLarge';

/** The feedback side of the site: which pages it is about, and the pages it answers with. */
export interface FeedbackPages {
  /** The site's public origin (from BASE_URL): posts from anywhere else are refused. */
  origin: string;
  /** The endpoint on this server. */
  endpoint: string;
  findTarget(id: string, language: string): FeedbackTarget | undefined;
  /** The comment and thank-you pages of every language, by path. */
  pageAt(path: string): { language: Language; kind: FeedbackPageKind } | undefined;
  pathOf(kind: FeedbackPageKind, target: FeedbackTarget, afterNo?: boolean): string;
  renderComment(target: FeedbackTarget, comment?: CommentText, errors?: CommentError[]): string;
  renderThanks(target: FeedbackTarget): string;
  /** In the target's language; in every language side by side when the post named none. */
  renderProblem(problem: FeedbackProblem, target?: FeedbackTarget): string;
}

const EMPTY_COMMENT: CommentText = { trying: '', wrong: '', afterNo: false };

export function feedbackPages(context: RenderContext): FeedbackPages {
  const { tree } = context;
  const targets = context.feedback?.targets ?? new Map<string, FeedbackTarget>();
  const languageOf = (code: string) => {
    const language = tree.languages.find((candidate) => candidate.code === code);
    if (!language) throw new Error(`no language "${code}"`);
    return language;
  };
  const folder = (language: Language, kind: FeedbackPageKind) => {
    const t = translator(context, language);
    const base = `/${language.code}/${t('feedback.slug')}/`;
    return kind === 'comment' ? base : `${base}${t('feedback.thanksSlug')}/`;
  };
  const pathOf = (kind: FeedbackPageKind, target: FeedbackTarget, afterNo = false) =>
    `${folder(languageOf(target.language), kind)}?page=${encodeURIComponent(target.id)}${afterNo ? '&after=no' : ''}`;
  const findTarget = (id: string, language: string) => targets.get(targetKey(id, language));
  /** The same feedback page about the same page, in another language. */
  const pathIn =
    (kind: FeedbackPageKind, target: FeedbackTarget, afterNo = false) =>
    (other: Language) => {
      const there = findTarget(target.id, other.code);
      return there ? pathOf(kind, there, afterNo) : textOf(tree.home, other).path;
    };
  const trail = (language: Language, target: FeedbackTarget): Link[] => {
    const home = homeCrumb(context, language);
    return target.path === home.path ? [home] : [home, { title: target.title, path: target.path }];
  };

  const pages = new Map(
    tree.languages.flatMap((language) =>
      (['comment', 'thanks'] as const).map((kind) => [folder(language, kind), { language, kind }]),
    ),
  );

  return {
    origin: new URL(context.baseUrl).origin,
    endpoint: FEEDBACK_PATH,
    findTarget,
    pageAt: (path) => pages.get(path),
    pathOf,

    renderComment(target, comment = EMPTY_COMMENT, errors = []) {
      const language = languageOf(target.language);
      const t = translator(context, language);
      const heading = t(
        comment.afterNo ? 'feedback.comment.afterNoTitle' : 'feedback.comment.title',
      );
      const message = (error: CommentError) =>
        error.problem === 'empty'
          ? t('feedback.errors.empty')
          : t('feedback.errors.tooLong', {
              question: t(`feedback.${error.field}`),
              max: MAX_COMMENT_LENGTH,
              length: error.length,
            });
      const fieldErrors: Partial<Record<CommentField, string>> = {};
      for (const error of errors) fieldErrors[error.field] ??= message(error);
      return context.views.render('pages/feedback-comment.njk', {
        ...layoutView(context, language, {
          title: errors.length > 0 ? `${t('feedback.errors.prefix')} ${heading}` : heading,
          description: t('feedback.comment.description'),
          pathIn: pathIn('comment', target, comment.afterNo),
          breadcrumb: trail(language, target),
          current: heading,
          noindex: true,
        }),
        heading,
        target,
        comment: {
          action: FEEDBACK_PATH,
          page: target.id,
          lang: target.language,
          max: MAX_COMMENT_LENGTH,
          afterNo: comment.afterNo,
          values: { trying: comment.trying, wrong: comment.wrong },
          errors: fieldErrors,
        } satisfies CommentFormView,
        errorList: errors.map((error) => ({
          href: `#feedback-${error.field}`,
          text: message(error),
        })),
      });
    },

    renderThanks(target) {
      const language = languageOf(target.language);
      const t = translator(context, language);
      return context.views.render('pages/feedback-thanks.njk', {
        ...layoutView(context, language, {
          title: t('feedback.thanks.title'),
          description: t('feedback.thanks.body'),
          pathIn: pathIn('thanks', target),
          breadcrumb: trail(language, target),
          current: t('feedback.thanks.title'),
          noindex: true,
        }),
        target,
      });
    },

    renderProblem(problem, target) {
      const messages = `feedback.problems.${problem}`;
      if (!target) return renderInEveryLanguage(context, messages);
      const language = languageOf(target.language);
      const t = translator(context, language);
      return context.views.render('pages/feedback-problem.njk', {
        ...layoutView(context, language, {
          title: t(`${messages}.title`),
          description: t(`${messages}.body`),
          pathIn: (other) =>
            findTarget(target.id, other.code)?.path ?? textOf(tree.home, other).path,
          breadcrumb: trail(language, target),
          current: t(`${messages}.title`),
          noindex: true,
        }),
        messages,
        target,
      });
    },
  };
}

/** For a post that named no language: every language speaks for itself, side by side. */
function renderInEveryLanguage(context: RenderContext, messages: string): string {
  const sections = context.tree.languages.map((language) => ({
    language,
    t: translator(context, language),
    home: textOf(context.tree.home, language).path,
  }));
  return context.views.render('pages/root.njk', {
    sections,
    messages,
    assets: context.assets,
    documentTitle: sections.map((s) => s.t(`${messages}.title`)).join(' – '),
    description: sections.map((s) => s.t(`${messages}.body`)).join(' '),
    meta: { noindex: true },
  });
}
