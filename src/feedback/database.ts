import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type ColumnType, type Generated } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import type { Config } from '../config';
import type { FailureReport } from './failure-log';
import type { FeedbackKind } from './model';

/** The table as both databases hold it. */
export interface FeedbackTable {
  id: Generated<number>;
  /** `timestamptz` in PostgreSQL (read as a Date), ISO 8601 text in SQLite. */
  created_at: ColumnType<string | Date, string, never>;
  page_id: string;
  language: string;
  path: string;
  kind: FeedbackKind;
  trying: string | null;
  wrong: string | null;
  /** 1 when personal data was replaced by `[…]`. */
  redacted: number;
}

export interface FeedbackSchema {
  feedback: FeedbackTable;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<FeedbackSchema>;
  dialect: Dialect;
}

export type DatabaseConfig = Pick<Config, 'FEEDBACK_DB' | 'DATABASE_URL'>;

/**
 * The embedded file: created with its folder on first use, WAL so that readers (the editors'
 * command) never block the server, and synchronous=FULL so that a committed row survives a
 * power cut, not only a crash of the process.
 */
function openSqlite(file: string): Kysely<FeedbackSchema> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    // The server and the editors' command may write at the same moment: wait, don't fail.
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    database.close();
    throw error;
  }
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}

/**
 * PostgreSQL for several replicas. Timeouts keep a post from hanging on a database that does
 * not answer; an idle connection that loses its server is reported, never left to crash the
 * process.
 */
function openPostgres(url: string, reportFailure: FailureReport): Kysely<FeedbackSchema> {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 10_000,
  });
  pool.on('error', (error) => reportFailure(error, 'an idle connection'));
  // A connection that dies while it runs a query fails that query, and then emits an error
  // that nothing listens to once the pool has lent the connection out: listen to each.
  pool.on('connect', (client) =>
    client.on('error', (error) => reportFailure(error, 'a connection in use')),
  );
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** PostgreSQL when DATABASE_URL is set, the SQLite file FEEDBACK_DB otherwise. */
export function connect(config: DatabaseConfig, reportFailure: FailureReport): Connection {
  return config.DATABASE_URL
    ? { db: openPostgres(config.DATABASE_URL, reportFailure), dialect: 'postgres' }
    : { db: openSqlite(config.FEEDBACK_DB), dialect: 'sqlite' };
}
