import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Connection, Dialect } from './database';

/**
 * Every change to the schema, in order, never edited once released: a new change is a new
 * entry. Names sort in the order they run.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-create-feedback': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('feedback')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (column) =>
            dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
          )
          .addColumn('created_at', dialect === 'postgres' ? 'timestamptz' : 'text', (column) =>
            column.notNull(),
          )
          .addColumn('page_id', 'text', (column) => column.notNull())
          .addColumn('language', 'text', (column) => column.notNull())
          .addColumn('path', 'text', (column) => column.notNull())
          .addColumn('kind', 'text', (column) =>
            column.notNull().check(sql`kind in ('yes', 'no', 'comment')`),
          )
          .addColumn('trying', 'text')
          .addColumn('wrong', 'text')
          .addColumn('redacted', 'integer', (column) => column.notNull().defaultTo(0))
          .execute();
        // Reports and the retention purge select by date.
        await db.schema
          .createIndex('feedback_created_at')
          .on('feedback')
          .column('created_at')
          .execute();
      },
    },
  };
}

/**
 * Brings the schema up to date. Each migration runs in a transaction, and in PostgreSQL
 * replicas starting together wait for each other's lock: the schema is changed once.
 */
export async function migrateToLatest({ db, dialect }: Connection): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(dialect)) },
    migrationTableName: 'feedback_migration',
    migrationLockTableName: 'feedback_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
