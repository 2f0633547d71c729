import { sql } from 'kysely';
import type { Connection } from './database';
import { groupCommit } from './group-commit';
import {
  REPORT_WINDOWS,
  type ExportFilter,
  type NewFeedback,
  type PageTally,
  type StoredFeedback,
} from './model';
import type { FeedbackStore } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPORT_PAGE_ROWS = 500;

/** PostgreSQL reads a timestamptz as a Date, SQLite keeps the ISO text that was written. */
const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * DAY_MS).toISOString();

/** A count that both databases return as a plain number (PostgreSQL's sum is a bigint). */
const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`cast(sum(case when ${condition} then 1 else 0 end) as integer)`;

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

    async report(now: Date) {
      const [week, month, quarter] = REPORT_WINDOWS.map((days) => daysBefore(now, days));
      const rows = await db
        .selectFrom('feedback')
        .select(['page_id', 'language', 'path'])
        .select([
          countWhere(sql`kind = 'yes' and created_at >= ${week}`).as('yes7'),
          countWhere(sql`kind = 'no' and created_at >= ${week}`).as('no7'),
          countWhere(sql`kind = 'yes' and created_at >= ${month}`).as('yes30'),
          countWhere(sql`kind = 'no' and created_at >= ${month}`).as('no30'),
          countWhere(sql`kind = 'yes'`).as('yes90'),
          countWhere(sql`kind = 'no'`).as('no90'),
          countWhere(sql`kind = 'comment'`).as('comments'),
          sql<string | Date>`max(created_at)`.as('latest'),
        ])
        .where('created_at', '>=', quarter ?? '')
        .groupBy(['page_id', 'language', 'path'])
        .execute();
      // A page whose address changed has rows under each: they add up, the newest address names it.
      const tallies = new Map<string, PageTally>();
      const newest = new Map<string, number>();
      for (const row of rows) {
        const key = `${row.page_id}\u0000${row.language}`;
        const tally = tallies.get(key) ?? {
          pageId: row.page_id,
          language: row.language,
          path: row.path,
          votes: { 7: { yes: 0, no: 0 }, 30: { yes: 0, no: 0 }, 90: { yes: 0, no: 0 } },
          comments: 0,
        };
        const latest = asDate(row.latest).getTime();
        if (latest >= (newest.get(key) ?? 0)) {
          tally.path = row.path;
          newest.set(key, latest);
        }
        tally.votes[7].yes += row.yes7;
        tally.votes[7].no += row.no7;
        tally.votes[30].yes += row.yes30;
        tally.votes[30].no += row.no30;
        tally.votes[90].yes += row.yes90;
        tally.votes[90].no += row.no90;
        tally.comments += row.comments;
        tallies.set(key, tally);
      }
      return [...tallies.values()];
    },

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
