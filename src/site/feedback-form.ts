import type { Language } from '../content/tree';
import type { FeedbackTarget } from '../feedback/model';
import { MAX_COMMENT_LENGTH, type CommentField } from '../feedback/submission';

/** Where the feedback forms of a server's own pages post. */
export const FEEDBACK_PATH = '/feedback';

/** How the site is rendered with regard to feedback, and what it learns while rendering. */
export interface FeedbackSetup {
  /** Where the forms post; null leaves them out (a static export with no server to post to). */
  action: string | null;
  /**
   * Every page rendered with the form, by `targetKey`: feedback can name these pages and no
   * others. Derived from the site as it is rendered, so it is never a list kept by hand.
   */
  targets: Map<string, FeedbackTarget>;
}

export const targetKey = (id: string, language: string) => `${language}/${id}`;

/** A comment form: where it posts, which page and language it is about, what it holds. */
export interface CommentFormView {
  action: string;
  page: string;
  lang: string;
  max: number;
  afterNo: boolean;
  values: Record<CommentField, string>;
  errors: Partial<Record<CommentField, string>>;
}

/** What the partial at the foot of a page needs: the vote form's fields, and an empty comment form. */
export interface FeedbackFormView {
  action: string;
  page: string;
  lang: string;
  comment: CommentFormView;
}

/**
 * Registers a page as one feedback can be about, and returns its form, or null when forms
 * are left out. Two pages claiming one id in a language stop the start.
 */
export function feedbackForm(
  setup: FeedbackSetup | undefined,
  language: Language,
  page: { id: string; path: string; title: string },
): FeedbackFormView | null {
  if (!setup) return null;
  const key = targetKey(page.id, language.code);
  const other = setup.targets.get(key);
  if (other && other.path !== page.path) {
    throw new Error(`${other.path} and ${page.path} both carry the feedback id "${page.id}"`);
  }
  setup.targets.set(key, { ...page, language: language.code });
  if (!setup.action) return null;
  const fields = { action: setup.action, page: page.id, lang: language.code };
  return {
    ...fields,
    comment: {
      ...fields,
      max: MAX_COMMENT_LENGTH,
      afterNo: false,
      values: { trying: '', wrong: '' },
      errors: {},
    },
  };
}
