import { sql } from 'kysely';
import type { Connection } from './database';
import { groupCommit } from './group-commit';
import type { ExportFilter, NewFeedback, StoredFeedback } from './model';
import { asDate, reportQuery } from './report-query';
import type { FeedbackStore } from './store';

const EXPORT_PAGE_ROWS = 500;

function rowOf(entry: NewFeedback) {
  return {
    created_at: entry.createdAt.toISOString(),
    page_id: entry.pageId,
    language: entry.language,
    path: entry.path,
    kind: entry.kind,
    trying: entry.trying,
    wrong: entry.wrong,
    redacted: entry.redacted ? 1 : 0,
  };
}

/** The store's operations, one code path for SQLite and PostgreSQL. */
export function createKyselyStore(connection: Connection): Omit<FeedbackStore, 'open'> {
  const { db } = connection;
  return {
    record: groupCommit<NewFeedback>(async (entries) => {
      // One statement, so one transaction: every row of the batch is there, or none.
      await db.insertInto('feedback').values(entries.map(rowOf)).execute();
    }),

    report: (now: Date) => reportQuery(db, now),

    async *export(filter: ExportFilter) {
      let after = 0;
      for (;;) {
        let query = db
          .selectFrom('feedback')
          .selectAll()
          .where('id', '>', after)
          .orderBy('id')
          .limit(EXPORT_PAGE_ROWS);
        if (filter.since) query = query.where('created_at', '>=', filter.since.toISOString());
        if (filter.pathPrefix) {
          const prefix = filter.pathPrefix;
          query = query.where(sql<string>`substr(path, 1, ${prefix.length})`, '=', prefix);
        }
        const rows = await query.execute();
        for (const row of rows) {
          yield {
            id: row.id,
            createdAt: asDate(row.created_at),
            pageId: row.page_id,
            language: row.language,
            path: row.path,
            kind: row.kind,
            trying: row.trying,
            wrong: row.wrong,
            redacted: row.redacted === 1,
          } satisfies StoredFeedback;
        }
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_PAGE_ROWS) return;
        after = last.id;
      }
    },

    async purge(cutoff: Date) {
      const result = await db
        .deleteFrom('feedback')
        .where('created_at', '<', cutoff.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    close: () => db.destroy(),
  };
}
