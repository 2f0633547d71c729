import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  matchesEtag,
  negotiateEncoding,
  type Encoding,
  type PreparedResponse,
} from '../lib/prepared';
import type { Logger } from '../logger';
import { logPrepared } from './access-log';
import { SECURITY_HEADERS } from './security';

/**
 * The one way this site writes a response outside Express (the fast path, search, the URL
 * bound, a fault in search): the site's security headers first, then the response's own, and
 * after it the access-log line. Header lists are flat (name, value, name, value), the form
 * node:http writes fastest, and can be worked out once per page.
 */
export type FlatHeaders = readonly string[];

const SECURITY: FlatHeaders = Object.entries(SECURITY_HEADERS).flat();

/** A response's own headers, after the security headers every response carries. */
export function withSecurityHeaders(own: FlatHeaders): string[] {
  return [...SECURITY, ...own];
}

/** A prepared response's headers for one encoding of its body, security headers included. */
export function preparedHeaders(prepared: PreparedResponse, encoding: Encoding | 'none'): string[] {
  const own = [...Object.entries(prepared.headers).flat(), 'etag', prepared.etag];
  if (encoding === 'none') return withSecurityHeaders(own);
  own.push('content-length', String(prepared.variants[encoding].length));
  if (encoding !== 'identity') own.push('content-encoding', encoding);
  return withSecurityHeaders(own);
}

/** Writes status, headers and body (none for HEAD), then logs the line of the request. */
export function writeByHand(
  req: IncomingMessage,
  res: ServerResponse,
  response: { status: number; headers: FlatHeaders; body?: Buffer },
  log: Logger,
  start: number,
): void {
  res.writeHead(response.status, response.headers as string[]);
  res.end(req.method === 'HEAD' ? undefined : response.body);
  // The response is written by now: log it without waiting on an event.
  logPrepared(log, req, res, start);
}

/** A prepared response, honouring If-None-Match and Accept-Encoding, written by hand. */
export function sendPreparedByHand(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
  log: Logger,
  start: number,
): void {
  if (prepared.status === 200 && matchesEtag(req.headers['if-none-match'], prepared.etag)) {
    writeByHand(req, res, { status: 304, headers: preparedHeaders(prepared, 'none') }, log, start);
    return;
  }
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const headers = preparedHeaders(prepared, encoding);
  const body = prepared.variants[encoding];
  writeByHand(req, res, { status: prepared.status, headers, body }, log, start);
}
