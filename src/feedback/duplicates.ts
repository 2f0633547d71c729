import { createHash } from 'node:crypto';

/** A second identical post within this time is the same feedback sent twice. */
export const DUPLICATE_WINDOW_MS = 10_000;
const MAX_REMEMBERED = 100_000;

/** A short digest of a post: what is remembered is never the text itself. */
export function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/**
 * Remembers recent posts for DUPLICATE_WINDOW_MS. A post is reserved before it is written and
 * released if writing fails, so that two identical posts racing each other store one row, and
 * a retry after a failure is not taken for a duplicate.
 */
export function createDuplicateWindow(now: () => number = Date.now) {
  const seen = new Map<string, number>();
  const forgetOld = (at: number) => {
    for (const [key, time] of seen) {
      if (at - time < DUPLICATE_WINDOW_MS && seen.size <= MAX_REMEMBERED) break;
      seen.delete(key);
    }
  };
  return {
    /** False when the same post was reserved less than the window ago. */
    reserve(key: string): boolean {
      const at = now();
      forgetOld(at);
      if (seen.has(key)) return false;
      seen.set(key, at);
      return true;
    },
    release(key: string): void {
      seen.delete(key);
    },
  };
}

export type DuplicateWindow = ReturnType<typeof createDuplicateWindow>;
