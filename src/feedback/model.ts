/** What a visitor can tell about a page: it was useful, it was not, or a comment. */
export const FEEDBACK_KINDS = ['yes', 'no', 'comment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** A page that carries the feedback form, as the site rendered it. */
export interface FeedbackTarget {
  /** The page's stable id: a content node id, or `matrix`. */
  id: string;
  language: string;
  /** Its canonical path, taken from the site and never from the request. */
  path: string;
  title: string;
}

/** One row as written: the text is cleaned and scrubbed of personal data already. */
export interface NewFeedback {
  createdAt: Date;
  pageId: string;
  language: string;
  path: string;
  kind: FeedbackKind;
  trying: string | null;
  wrong: string | null;
  /** True when personal data was found and replaced by `[…]`. */
  redacted: boolean;
}

export interface StoredFeedback extends NewFeedback {
  id: number;
}

/** Yes and no votes of one page in one language, over the last 7, 30 and 90 days. */
export interface PageTally {
  pageId: string;
  language: string;
  /** The page's address as last recorded. */
  path: string;
  votes: Record<ReportWindow, { yes: number; no: number }>;
  /** Comments in the last 90 days. */
  comments: number;
}

export const REPORT_WINDOWS = [7, 30, 90] as const;
export type ReportWindow = (typeof REPORT_WINDOWS)[number];

export interface ExportFilter {
  since?: Date;
  /** Only pages whose path starts with this. */
  pathPrefix?: string;
}
