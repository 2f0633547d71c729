import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';

// Health probes arrive every few seconds from the orchestrator: worth a debug line, no more.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** An id from the load balancer if it looks like one, else a new one. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * Logs one line when the response is done: id, method, path, status, duration. Only the path
 * is logged, never the query string: search queries can hold personal data.
 */
export function logWhenDone(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const start = process.hrtime.bigint();
  res.once('close', () => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = (query < 0 ? url : url.slice(0, query)).slice(0, 512);
    const line = {
      reqId: requestId(req),
      method: req.method,
      path,
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - start) / 1e6,
      aborted: !res.writableFinished || undefined,
    };
    if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}

export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    logWhenDone(logger, req, res);
    next();
  };
}
