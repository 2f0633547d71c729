import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/feedback/database';
import { startPostgres, type ThrowawayPostgres } from './postgres';

/** A real database of each kind the server can use, for tables of tests run on both. */
export interface Backend {
  name: string;
  config: DatabaseConfig;
  /** Stops the database at once, as a crash would, and brings it back. */
  halt(): void;
  start(): void;
  remove(): void;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-sqlite-'));
  return {
    name: 'SQLite',
    // A folder that does not exist yet: the store creates it.
    config: { FEEDBACK_DB: path.join(dir, 'data', 'feedback.db') },
    halt: () => {
      throw new Error('an embedded SQLite file has no server to stop');
    },
    start: () => undefined,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(): Promise<Backend> {
  const server: ThrowawayPostgres = await startPostgres();
  return {
    name: 'PostgreSQL',
    config: { FEEDBACK_DB: 'unused.db', DATABASE_URL: server.url },
    halt: server.halt,
    start: server.start,
    remove: server.remove,
  };
}

export const BACKENDS: { name: string; create: () => Promise<Backend> }[] = [
  { name: 'SQLite', create: async () => sqliteBackend() },
  { name: 'PostgreSQL', create: postgresBackend },
];
