/** The longest query looked at; anything longer is cut (it comes straight from a URL). */
export const MAX_QUERY_LENGTH = 200;

/** The most words of a query that are searched; the rest is left out, and the visitor told. */
export const MAX_QUERY_TERMS = 20;

/** The query as the visitor sees it back, and as the cache of result pages knows it. */
export interface VisitorQuery {
  text: string;
  /** The query was longer than MAX_QUERY_LENGTH and was cut. */
  cut: boolean;
}

/**
 * One spelling for one query: Unicode in NFC, control and invisible characters and runs of
 * spaces made one space, trimmed, cut at MAX_QUERY_LENGTH without splitting a character.
 * Queries that differ only in these ways give the same page, byte for byte.
 */
export function normalizeQuery(raw: string): VisitorQuery {
  // The URL that carries the query is bounded (MAX_URL_LENGTH), so this works on at most 2 KB.
  const clean = raw
    .normalize('NFC')
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .trim();
  if (clean.length <= MAX_QUERY_LENGTH) return { text: clean, cut: false };
  const cut = clean.slice(0, MAX_QUERY_LENGTH).replace(/[\uD800-\uDBFF]$/, '');
  return { text: cut, cut: true };
}
