import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { logPrepared } from './access-log';
import {
  matchesEtag,
  negotiateEncoding,
  type Encoding,
  type PreparedResponse,
} from '../lib/prepared';
import { SECURITY_HEADERS } from './security';

type HeaderPairs = [string, string][];

/** Headers as node:http takes them fastest: one flat list, name, value, name, value. */
type FlatHeaders = string[];

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
  const common: HeaderPairs = [
    ...Object.entries(SECURITY_HEADERS),
    ...Object.entries(prepared.headers),
    ['etag', prepared.etag],
  ];
  const variant = (encoding: Encoding) => {
    const body = prepared.variants[encoding];
    const headers: HeaderPairs = [...common, ['content-length', String(body.length)]];
    if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
    return { headers: headers.flat(), body };
  };
  return {
    log,
    status: prepared.status,
    etag: prepared.etag,
    notModified: common.flat(),
    variants: { br: variant('br'), gzip: variant('gzip'), identity: variant('identity') },
  };
}

function send(req: IncomingMessage, res: ServerResponse, response: ReadyResponse): void {
  if (response.status === 200 && matchesEtag(req.headers['if-none-match'], response.etag)) {
    res.writeHead(304, response.notModified);
    res.end();
    return;
  }
  const { headers, body } = response.variants[negotiateEncoding(req.headers['accept-encoding'])];
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
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
        const start = performance.now();
        send(req, res, response);
        // The response is written by now: log it without waiting on an event.
        logPrepared(response.log, req, res, start);
        return;
      }
    }
    app(req, res);
  };
}
