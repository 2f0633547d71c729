import type { FeedbackTarget } from '../feedback/model';
import {
  MAX_COMMENT_LENGTH,
  type CommentError,
  type CommentField,
  type CommentText,
} from '../feedback/submission';
import { FEEDBACK_PATH, type CommentFormView } from './feedback-form';
import type { FeedbackPlaces } from './feedback-places';
import { layoutView, textOf, translator, type RenderContext } from './layout';

/** Why a post was not recorded, when the visitor has to be told. */
export type FeedbackProblem = 'unavailable' | 'limited' | 'refused' | 'malformed' | 'tooLarge';

const EMPTY_COMMENT: CommentText = { trying: '', wrong: '', afterNo: false };

/** The comment form on a page of its own: after « Non », or to correct what was sent. */
export function renderComment(
  context: RenderContext,
  places: FeedbackPlaces,
  target: FeedbackTarget,
  comment: CommentText = EMPTY_COMMENT,
  errors: CommentError[] = [],
): string {
  const language = places.languageOf(target);
  const t = translator(context, language);
  const heading = t(comment.afterNo ? 'feedback.comment.afterNoTitle' : 'feedback.comment.title');
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
  const form: CommentFormView = {
    action: FEEDBACK_PATH,
    page: target.id,
    lang: target.language,
    max: MAX_COMMENT_LENGTH,
    afterNo: comment.afterNo,
    values: { trying: comment.trying, wrong: comment.wrong },
    errors: fieldErrors,
  };
  return context.views.render('pages/feedback-comment.njk', {
    ...layoutView(context, language, {
      // GOV.UK's pattern: the title says there is an error before anything else.
      title: errors.length > 0 ? `${t('feedback.errors.prefix')} ${heading}` : heading,
      description: t('feedback.comment.description'),
      pathIn: places.pathIn('comment', target, comment.afterNo),
      breadcrumb: places.trail(target),
      current: heading,
      noindex: true,
    }),
    heading,
    target,
    comment: form,
    errorList: errors.map((error) => ({ href: `#feedback-${error.field}`, text: message(error) })),
  });
}

export function renderThanks(
  context: RenderContext,
  places: FeedbackPlaces,
  target: FeedbackTarget,
): string {
  const language = places.languageOf(target);
  const t = translator(context, language);
  return context.views.render('pages/feedback-thanks.njk', {
    ...layoutView(context, language, {
      title: t('feedback.thanks.title'),
      description: t('feedback.thanks.body'),
      pathIn: places.pathIn('thanks', target),
      breadcrumb: places.trail(target),
      current: t('feedback.thanks.title'),
      noindex: true,
    }),
    target,
  });
}

/** In the target's language; in every language side by side when the post named none. */
export function renderProblem(
  context: RenderContext,
  places: FeedbackPlaces,
  problem: FeedbackProblem,
  target?: FeedbackTarget,
): string {
  const messages = `feedback.problems.${problem}`;
  if (!target) return renderInEveryLanguage(context, messages);
  const language = places.languageOf(target);
  const t = translator(context, language);
  return context.views.render('pages/feedback-problem.njk', {
    ...layoutView(context, language, {
      title: t(`${messages}.title`),
      description: t(`${messages}.body`),
      pathIn: (other) =>
        places.findTarget(target.id, other.code)?.path ?? textOf(context.tree.home, other).path,
      breadcrumb: places.trail(target),
      current: t(`${messages}.title`),
      noindex: true,
    }),
    messages,
    target,
  });
}

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
