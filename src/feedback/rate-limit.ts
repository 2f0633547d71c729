export interface RateLimits {
  perMinute: number;
  perDay: number;
}

/** Enough for a vote, a comment and a few corrections; not enough to flood. */
export const FEEDBACK_LIMITS: RateLimits = { perMinute: 5, perDay: 50 };

/** Clients remembered at once; past this, the longest-known is forgotten. */
const MAX_CLIENTS = 50_000;
const MINUTE_MS = 60_000;

interface Client {
  /** Times of the posts of the last minute. */
  recent: number[];
  today: number;
}

/**
 * Counts posts per client key, in this process's memory: a sliding minute and the calendar
 * day of the keys' salt. Refused posts do not count.
 */
export function createRateLimiter(limits: RateLimits, now: () => number = Date.now) {
  let clients = new Map<string, Client>();
  let day = -1;
  return {
    /** Whether this client may post now; counts the post when it may. */
    allow(key: string, keyDay: number): boolean {
      if (keyDay !== day) {
        // New salt, new keys: yesterday's counts can never match again.
        day = keyDay;
        clients = new Map();
      }
      const at = now();
      const client = clients.get(key) ?? { recent: [], today: 0 };
      client.recent = client.recent.filter((time) => at - time < MINUTE_MS);
      if (client.recent.length >= limits.perMinute || client.today >= limits.perDay) return false;
      client.recent.push(at);
      client.today += 1;
      clients.set(key, client);
      if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value ?? '');
      return true;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
