import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { FeedbackDesk } from '../feedback/desk';
import type { FeedbackTarget } from '../feedback/model';
import { readSubmission, type Submission } from '../feedback/submission';
import type { FeedbackProblem } from '../site/feedback-pages';
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

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).set('cache-control', 'no-store').type('html').send(html);
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * `POST /feedback` and the pages that answer it. Every answer to a recorded post is a 303 to
 * a page in the visitor's language (post/redirect/get: a reload sends nothing twice). Nothing
 * a visitor wrote is ever logged.
 */
export function receiveFeedback(site: Site, desk: FeedbackDesk): RequestHandler {
  const pages = site.feedback;
  const router = express.Router();

  const problem = (res: Response, kind: FeedbackProblem, target?: FeedbackTarget) => {
    if (kind === 'limited') res.set('retry-after', '60');
    if (kind === 'unavailable') res.set('retry-after', '120');
    sendHtml(res, PROBLEM_STATUS[kind], pages.renderProblem(kind, target));
  };

  const answer = async (res: Response, submission: Submission, client: string) => {
    const { target } = submission;
    switch (await desk.accept(submission, client)) {
      case 'recorded':
      case 'ignored':
        return res.redirect(
          303,
          pages.pathOf(
            submission.kind === 'no' ? 'comment' : 'thanks',
            target,
            submission.kind === 'no',
          ),
        );
      case 'invalid':
        return submission.kind === 'comment'
          ? sendHtml(res, 422, pages.renderComment(target, submission.comment, submission.errors))
          : problem(res, 'malformed');
      case 'limited':
        return problem(res, 'limited', target);
      case 'unavailable':
        return problem(res, 'unavailable', target);
    }
  };

  router.post(
    pages.endpoint,
    express.urlencoded({ extended: false, limit: MAX_FEEDBACK_BODY, parameterLimit: 20 }),
    async (req, res) => {
      res.set('cache-control', 'no-store');
      const submission = readSubmission(req.body, pages.findTarget);
      if (!submission) return problem(res, 'malformed');
      if (isCrossSite(req.headers, pages.origin)) return problem(res, 'refused', submission.target);
      await answer(res, submission, req.ip ?? req.socket.remoteAddress ?? '');
    },
  );

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const page = pages.pageAt(req.path);
    const target = page && pages.findTarget(queryText(req.query.page), page.language.code);
    if (!page || !target) return next();
    const afterNo = queryText(req.query.after) === 'no';
    const html =
      page.kind === 'thanks'
        ? pages.renderThanks(target)
        : pages.renderComment(target, { trying: '', wrong: '', afterNo }, []);
    res.set('x-robots-tag', 'noindex');
    sendHtml(res, 200, html);
  });

  const bodyProblems: ErrorRequestHandler = (error: { type?: string }, req, res, next) => {
    if (error.type === 'entity.too.large') return problem(res, 'tooLarge');
    if (error.type === 'parameters.too.many' || error.type === 'charset.unsupported')
      return problem(res, 'malformed');
    next(error);
  };
  router.use(bodyProblems);
  return router;
}
