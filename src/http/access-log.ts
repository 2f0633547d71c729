import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';

// Health probes arrive every few seconds from the orchestrator: worth a debug line, no more.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

// Ids unique to this process (its own random prefix, then a counter): cheaper than a UUID each.
const processId = randomUUID().slice(0, 8);
let requestCount = 0;

/** An id from the load balancer if it looks like one, else a new one. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && /^[\w.-]{1,64}$/.test(given)) return given;
  requestCount += 1;
  return `${processId}-${requestCount.toString(36)}`;
}

/** The requested path, without its query string (which may hold what a visitor typed). */
function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return (query < 0 ? url : url.slice(0, query)).slice(0, 512);
}

/**
 * What every access-log line says: id, method, status, duration. The path is added by the
 * caller; never the query string, since search queries can hold personal data.
 */
function lineOf(req: IncomingMessage, res: ServerResponse, start: number) {
  const ms = Math.round((performance.now() - start) * 1000) / 1000;
  return { reqId: requestId(req), method: req.method, status: res.statusCode, ms };
}

export function logServed(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  start: number,
): void {
  const path = pathOf(req);
  const quiet = QUIET_PATHS.has(path);
  if (!logger.isLevelEnabled(quiet ? 'debug' : 'info')) return;
  const line = { ...lineOf(req, res, start), path };
  if (quiet) logger.debug(line, 'request');
  else logger.info(line, 'request');
}

/**
 * The same line for a response of the fast path, whose logger already carries the path: pino
 * serializes a child's bindings once, and at tens of thousands of requests a second that
 * matters.
 */
export function logPrepared(
  pathLogger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  start: number,
): void {
  if (pathLogger.isLevelEnabled('info')) pathLogger.info(lineOf(req, res, start), 'request');
}

/** A logger for one request's path, for answers that have no path logger of their own. */
export function pathLogger(logger: Logger, req: IncomingMessage): Logger {
  return logger.child({ path: pathOf(req) });
}

/** For requests Express answers: logs when the response is done. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.once('close', () => logServed(logger, req, res, start));
    next();
  };
}
