import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import {
  matchesEtag,
  negotiateEncoding,
  type Encoding,
  type PreparedResponse,
} from '../lib/prepared';
import { preparedHeaders, writeByHand, type FlatHeaders } from './by-hand';

interface ReadyResponse {
  /** Logs for this path, with the path bound once. */
  log: Logger;
  status: number;
  etag: string;
  notModified: FlatHeaders;
  variants: Record<Encoding, { headers: FlatHeaders; body: Buffer }>;
}

/** Every header of every variant, worked out once: a request only picks one list and writes it. */
function ready(prepared: PreparedResponse, log: Logger): ReadyResponse {
  const variant = (encoding: Encoding) => ({
    headers: preparedHeaders(prepared, encoding),
    body: prepared.variants[encoding],
  });
  return {
    log,
    status: prepared.status,
    etag: prepared.etag,
    notModified: preparedHeaders(prepared, 'none'),
    variants: { br: variant('br'), gzip: variant('gzip'), identity: variant('identity') },
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  response: ReadyResponse,
  start: number,
): void {
  if (response.status === 200 && matchesEtag(req.headers['if-none-match'], response.etag)) {
    writeByHand(req, res, { status: 304, headers: response.notModified }, response.log, start);
    return;
  }
  const { headers, body } = response.variants[negotiateEncoding(req.headers['accept-encoding'])];
  writeByHand(req, res, { status: response.status, headers, body }, response.log, start);
}

/**
 * Pages and assets are the same bytes for everybody until the next deploy, so a GET or HEAD
 * for one skips Express and writes them straight away, with exactly the headers the Express
 * path would send. Everything else (redirects, search, errors, health) goes to `app`.
 */
export function preparedFirst(options: {
  responses: ReadonlyMap<string, PreparedResponse>;
  logger: Logger;
  app: RequestListener;
}): RequestListener {
  const { logger, app } = options;
  const responses = new Map(
    [...options.responses].map(([path, prepared]) => [
      path,
      ready(prepared, logger.child({ path })),
    ]),
  );
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const response = responses.get(query < 0 ? url : url.slice(0, query));
      if (response) {
        send(req, res, response, performance.now());
        return;
      }
    }
    app(req, res);
  };
}
