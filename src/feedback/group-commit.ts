/** Rows written by one statement at most: well under both databases' limits on parameters. */
const MAX_BATCH = 500;

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: posts that arrive while a commit is under way are written together by the
 * next one, in one statement, so one disk sync (SQLite) or one round trip (PostgreSQL) serves
 * them all. Each caller's promise still resolves only once its own row is committed. If a
 * batch fails, its rows are tried one by one, so that one bad row fails alone.
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let waiting: Waiting<T>[] = [];
  let writing = false;

  const writeAlone = async (entry: Waiting<T>) => {
    try {
      await write([entry.item]);
      entry.resolve();
    } catch (error) {
      entry.reject(error);
    }
  };

  const drain = async () => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else for (const entry of batch) await writeAlone(entry);
      }
    }
    writing = false;
  };

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Let the posts already received join this batch before it is written.
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
}
