import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { FeedbackDesk } from '../feedback/desk';
import type { FeedbackTarget } from '../feedback/model';
import { readSubmission, type Submission } from '../feedback/submission';
import type { FeedbackPages, FeedbackProblem } from '../site/feedback-pages';
import type { Site } from '../site/site';
import { isCrossSite } from './same-origin';

/** A feedback post is two short fields and a few hidden ones: anything larger is refused. */
export const MAX_FEEDBACK_BODY = 4 * 1024;

const PROBLEM_STATUS: Record<FeedbackProblem, number> = {
  malformed: 400,
  refused: 403,
  tooLarge: 413,
  limited: 429,
  unavailable: 503,
};

// When to try again, in seconds: the rate limit's minute; a database a few minutes to recover.
const RETRY_AFTER: Partial<Record<FeedbackProblem, string>> = { limited: '60', unavailable: '120' };

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).set('cache-control', 'no-store').type('html').send(html);
}

function sendProblem(
  res: Response,
  pages: FeedbackPages,
  problem: FeedbackProblem,
  target?: FeedbackTarget,
): void {
  const retryAfter = RETRY_AFTER[problem];
  if (retryAfter) res.set('retry-after', retryAfter);
  sendHtml(res, PROBLEM_STATUS[problem], pages.renderProblem(problem, target));
}

/** What the desk decided, as an answer: a 303 after anything recorded (post/redirect/get). */
async function answer(
  res: Response,
  pages: FeedbackPages,
  desk: FeedbackDesk,
  submission: Submission,
  client: string,
): Promise<void> {
  const { target } = submission;
  const outcome = await desk.accept(submission, client);
  if (outcome === 'recorded' || outcome === 'ignored') {
    // After « Non », the visitor may say more; otherwise, thanks.
    const afterNo = submission.kind === 'no';
    return res.redirect(303, pages.pathOf(afterNo ? 'comment' : 'thanks', target, afterNo));
  }
  if (outcome === 'invalid' && submission.kind === 'comment') {
    const page = pages.renderComment(target, submission.comment, submission.errors);
    return sendHtml(res, 422, page);
  }
  sendProblem(res, pages, outcome === 'invalid' ? 'malformed' : outcome, target);
}

function takePost(pages: FeedbackPages, desk: FeedbackDesk): RequestHandler {
  return async (req, res) => {
    res.set('cache-control', 'no-store');
    const submission = readSubmission(req.body, pages.findTarget);
    if (!submission) return sendProblem(res, pages, 'malformed');
    if (isCrossSite(req.headers, pages.origin)) {
      return sendProblem(res, pages, 'refused', submission.target);
    }
    await answer(res, pages, desk, submission, req.ip ?? req.socket.remoteAddress ?? '');
  };
}

const queryText = (value: unknown) => (typeof value === 'string' ? value : '');

/** The comment form and thank-you pages, about a page named by its id in the query. */
function showPages(pages: FeedbackPages): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const page = pages.pageAt(req.path);
    const target = page && pages.findTarget(queryText(req.query.page), page.language.code);
    if (!page || !target) return next();
    const afterNo = queryText(req.query.after) === 'no';
    res.set('x-robots-tag', 'noindex');
    sendHtml(
      res,
      200,
      page.kind === 'thanks'
        ? pages.renderThanks(target)
        : pages.renderComment(target, { trying: '', wrong: '', afterNo }),
    );
  };
}

/** Bodies the parser refused: too large, or not what a form sends. */
function bodyProblems(pages: FeedbackPages): ErrorRequestHandler {
  return (error: { type?: string }, req, res, next) => {
    if (error.type === 'entity.too.large') return sendProblem(res, pages, 'tooLarge');
    if (error.type === 'parameters.too.many' || error.type === 'charset.unsupported') {
      return sendProblem(res, pages, 'malformed');
    }
    next(error);
  };
}

/**
 * `POST /feedback` and the pages that answer it, each in the visitor's language. Nothing a
 * visitor wrote is ever logged.
 */
export function receiveFeedback(site: Site, desk: FeedbackDesk): RequestHandler {
  const pages = site.feedback;
  const router = express.Router();
  router.post(
    pages.endpoint,
    express.urlencoded({ extended: false, limit: MAX_FEEDBACK_BODY, parameterLimit: 20 }),
    takePost(pages, desk),
  );
  router.use(showPages(pages));
  router.use(bodyProblems(pages));
  return router;
}
