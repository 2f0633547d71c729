import { createClientKeys } from './client-key';
import { createDuplicateWindow, fingerprint } from './duplicates';
import type { FailureReport } from './failure-log';
import type { NewFeedback } from './model';
import { createRateLimiter, FEEDBACK_LIMITS } from './rate-limit';
import { scrubPersonalData } from './scrub';
import type { FeedbackStore } from './store';
import type { Submission } from './submission';

/** What became of a post, for the route to answer. */
export type Outcome =
  /** Committed to the database. */
  | 'recorded'
  /** Answered as if recorded, but not kept: a robot, or the same post twice. */
  | 'ignored'
  | 'limited'
  /** The comment needs correcting: the form comes back with the errors. */
  | 'invalid'
  | 'unavailable';

export interface DeskOptions {
  store: FeedbackStore;
  reportFailure: FailureReport;
  /** Off only for the benchmark, which posts far faster than any person. */
  rateLimit: boolean;
  now?: () => number;
}

function entryOf(submission: Submission, createdAt: Date): NewFeedback {
  const { target } = submission;
  const base = { createdAt, pageId: target.id, language: target.language, path: target.path };
  if (submission.kind !== 'comment') {
    return { ...base, kind: submission.kind, trying: null, wrong: null, redacted: false };
  }
  const trying = scrubPersonalData(submission.comment.trying);
  const wrong = scrubPersonalData(submission.comment.wrong);
  return {
    ...base,
    kind: 'comment',
    trying: trying.text || null,
    wrong: wrong.text || null,
    redacted: trying.redacted || wrong.redacted,
  };
}

/**
 * Where a feedback post is decided: rate limit, honeypot, corrections, duplicates, personal
 * data, then the database.
 */
export function createFeedbackDesk(options: DeskOptions) {
  const now = options.now ?? Date.now;
  const keys = createClientKeys(now);
  const limiter = createRateLimiter(FEEDBACK_LIMITS, now);
  const duplicates = createDuplicateWindow(now);

  return {
    async accept(submission: Submission, clientAddress: string): Promise<Outcome> {
      const client = keys.keyOf(clientAddress);
      if (options.rateLimit && !limiter.allow(client, keys.day())) return 'limited';
      if (submission.honeypot) return 'ignored';
      if (submission.kind === 'comment' && submission.errors.length > 0) return 'invalid';
      const entry = entryOf(submission, new Date(now()));
      const key = fingerprint([
        client,
        entry.pageId,
        entry.language,
        entry.kind,
        entry.trying ?? '',
        entry.wrong ?? '',
      ]);
      if (!duplicates.reserve(key)) return 'ignored';
      try {
        await options.store.record(entry);
        return 'recorded';
      } catch (error) {
        duplicates.release(key);
        options.reportFailure(error, 'recording feedback');
        return 'unavailable';
      }
    },
  };
}

export type FeedbackDesk = ReturnType<typeof createFeedbackDesk>;
