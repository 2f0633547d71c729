import type { FeedbackTarget } from '../feedback/model';
import type { CommentError, CommentText } from '../feedback/submission';
import { FEEDBACK_PATH } from './feedback-form';
import { feedbackPlaces, type FeedbackPlaces } from './feedback-places';
import { renderComment, renderProblem, renderThanks, type FeedbackProblem } from './feedback-views';
import type { RenderContext } from './layout';

export type { FeedbackPageKind } from './feedback-places';
export type { FeedbackProblem } from './feedback-views';

/** The feedback side of the site: which pages it is about, and the pages it answers with. */
export interface FeedbackPages extends Omit<FeedbackPlaces, 'languageOf' | 'pathIn' | 'trail'> {
  /** The site's public origin (from BASE_URL): posts from anywhere else are refused. */
  origin: string;
  /** The endpoint on this server. */
  endpoint: string;
  renderComment(target: FeedbackTarget, comment?: CommentText, errors?: CommentError[]): string;
  renderThanks(target: FeedbackTarget): string;
  renderProblem(problem: FeedbackProblem, target?: FeedbackTarget): string;
}

export function feedbackPages(context: RenderContext): FeedbackPages {
  const places = feedbackPlaces(context);
  return {
    origin: new URL(context.baseUrl).origin,
    endpoint: FEEDBACK_PATH,
    findTarget: places.findTarget,
    pageAt: places.pageAt,
    pathOf: places.pathOf,
    renderComment: (target, comment, errors) =>
      renderComment(context, places, target, comment, errors),
    renderThanks: (target) => renderThanks(context, places, target),
    renderProblem: (problem, target) => renderProblem(context, places, problem, target),
  };
}
