import type { RequestHandler } from 'express';

export const ALLOWED_METHODS = 'GET, HEAD';

/** The site only has pages to read: every other method gets 405, and nothing is echoed. */
export function onlyReads(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    res.status(405).set({ allow: ALLOWED_METHODS, 'cache-control': 'no-store' }).end();
  };
}
