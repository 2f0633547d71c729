import type { ExportFilter, NewFeedback, PageTally, StoredFeedback } from './model';

/**
 * Where feedback is kept: one interface, chosen at start from configuration (SQLite by
 * default, PostgreSQL with DATABASE_URL). The server records and purges; the editors' command
 * reports and exports.
 */
export interface FeedbackStore {
  /** Runs the migrations if they have not run yet; rejects while the database is out of reach. */
  open(): Promise<void>;
  /** Resolves once the row is committed: a 303 is only sent after this. */
  record(entry: NewFeedback): Promise<void>;
  /** Votes and comments per page and language, over the windows that end at `now`. */
  report(now: Date): Promise<PageTally[]>;
  /** Rows in the order they were recorded, read in pages so any table size fits in memory. */
  export(filter: ExportFilter): AsyncIterable<StoredFeedback>;
  /** Deletes the rows recorded before `cutoff`; resolves with how many went. */
  purge(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}
