import type { RequestHandler } from 'express';
import type { Site } from '../site/site';
import { sendPrepared } from './prepared';

/** Answers a known page's canonical URL with its ready-made bytes. */
export function servePages(site: Site): RequestHandler {
  return (req, res, next) => {
    const page = site.pages.get(req.path);
    if (!page) return next();
    sendPrepared(req, res, page);
  };
}
