import type { RequestHandler } from 'express';
import { sendPrepared, type PreparedResponse } from './prepared';

/** Serves the fingerprinted static files from memory; nothing is read from disk per request. */
export function serveAssets(responses: ReadonlyMap<string, PreparedResponse>): RequestHandler {
  return (req, res, next) => {
    const asset = responses.get(req.path);
    if (!asset) return next();
    sendPrepared(req, res, asset);
  };
}
