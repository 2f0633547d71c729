import { z } from 'zod';
import { cleanText } from './clean-text';
import type { FeedbackTarget } from './model';

/** Each comment field holds at most this many characters, as the form's maxlength says. */
export const MAX_COMMENT_LENGTH = 500;

export const COMMENT_FIELDS = ['trying', 'wrong'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export type CommentError =
  | { field: CommentField; problem: 'tooLong'; length: number }
  | { field: 'trying'; problem: 'empty' };

export interface CommentText {
  trying: string;
  wrong: string;
  /** The comment follows a « Non »: its page thanks for the vote first. */
  afterNo: boolean;
}

/** A form as posted, checked and cleaned, for a page the site really has. */
export type Submission = {
  target: FeedbackTarget;
  /** The field people cannot see was filled in: a robot. */
  honeypot: boolean;
} & ({ kind: 'yes' | 'no' } | { kind: 'comment'; comment: CommentText; errors: CommentError[] });

// Hidden fields are short and plain; a value the form never sends means a forged post.
const formSchema = z.object({
  page: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(64),
  lang: z.string().regex(/^[a-z]{2,3}$/),
  website: z.string().optional(),
  useful: z.enum(['yes', 'no']).optional(),
  trying: z.string().optional(),
  wrong: z.string().optional(),
  after: z.literal('no').optional(),
});

function commentErrors(comment: CommentText): CommentError[] {
  const errors: CommentError[] = [];
  for (const field of COMMENT_FIELDS) {
    const { length } = comment[field];
    if (length > MAX_COMMENT_LENGTH) errors.push({ field, problem: 'tooLong', length });
  }
  if (!comment.trying && !comment.wrong) errors.push({ field: 'trying', problem: 'empty' });
  return errors;
}

/**
 * Reads a posted form. Null when it is not one the site's forms could have sent: a field of
 * the wrong shape, or a page and language that name no page of the site.
 */
export function readSubmission(
  body: unknown,
  findTarget: (id: string, language: string) => FeedbackTarget | undefined,
): Submission | null {
  const form = formSchema.safeParse(body ?? {});
  if (!form.success) return null;
  const { page, lang, website, useful, trying, wrong, after } = form.data;
  const target = findTarget(page, lang);
  if (!target) return null;
  const honeypot = (website ?? '') !== '';
  if (useful) return { target, honeypot, kind: useful };
  const comment = {
    trying: cleanText(trying ?? ''),
    wrong: cleanText(wrong ?? ''),
    afterNo: after === 'no',
  };
  return { target, honeypot, kind: 'comment', comment, errors: commentErrors(comment) };
}
