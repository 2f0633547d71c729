import type { RequestHandler } from 'express';
import type { Assets } from '../site/assets';
import { IMMUTABLE_CACHE_CONTROL, prepare, sendPrepared, type PreparedResponse } from './prepared';

/** Serves the fingerprinted static files from memory; nothing is read from disk per request. */
export function serveAssets(assets: Assets): RequestHandler {
  const prepared = new Map<string, PreparedResponse>();
  for (const [url, asset] of assets.byUrl) {
    const { body, contentType } = asset;
    prepared.set(url, prepare({ body, contentType, cacheControl: IMMUTABLE_CACHE_CONTROL }));
  }
  return (req, res, next) => {
    const asset = prepared.get(req.path);
    if (!asset) return next();
    sendPrepared(req, res, asset);
  };
}
