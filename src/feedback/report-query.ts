import { sql, type Kysely } from 'kysely';
import type { FeedbackSchema } from './database';
import { REPORT_WINDOWS, type PageTally } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** PostgreSQL reads a timestamptz as a Date, SQLite keeps the ISO text that was written. */
export const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * DAY_MS).toISOString();

/** A count that both databases return as a plain number (PostgreSQL's sum is a bigint). */
const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`cast(sum(case when ${condition} then 1 else 0 end) as integer)`;

/** Votes and comments per page and language over the report's windows, counted by the database. */
export async function reportQuery(db: Kysely<FeedbackSchema>, now: Date): Promise<PageTally[]> {
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
}
