import type { RequestHandler } from 'express';

/** Whether this process should get traffic: false once shutdown has begun. */
export interface Readiness {
  ready: boolean;
}

/**
 * `/healthz`: the process is alive. `/readyz`: the content is loaded (it always is once the
 * server listens) and the process is not shutting down, so a load balancer may send traffic.
 */
export function healthChecks(readiness: Readiness): RequestHandler {
  return (req, res, next) => {
    if (req.path !== '/healthz' && req.path !== '/readyz') return next();
    const ok = req.path === '/healthz' || readiness.ready;
    res
      .status(ok ? 200 : 503)
      .set('cache-control', 'no-store')
      .type('text/plain')
      .send(ok ? 'ok\n' : 'shutting down\n');
  };
}
