import type { IncomingMessage, ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import { mapAtMost } from './at-most';
import { etagOf, ownBuffer } from './bytes';

/**
 * A response made once and sent many times: the body and its compressed variants are
 * computed when the site is built, so a request only picks bytes and writes them.
 */
export interface PreparedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  etag: string;
  variants: Readonly<Record<Encoding, Buffer>>;
}

export type Encoding = 'br' | 'gzip' | 'identity';

const ENCODINGS: readonly Encoding[] = ['br', 'gzip', 'identity'];

/** Pages change only when the site is deployed; caches may keep them a few minutes. */
export const PAGE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-store';

export interface PrepareOptions {
  body: string | Buffer;
  contentType: string;
  status?: number;
  cacheControl?: string;
}

/** `best` for what is served; `quick` for development, where the site is rebuilt on every edit. */
export type Compression = 'best' | 'quick';

/**
 * Every page is compressed at start, so start-up pays for the quality: above 8, brotli takes
 * many times longer for every page for only a few percent fewer bytes. Quality 5 is faster
 * again, which keeps a development rebuild short. To weigh another quality, time the start
 * (`npm run bench` reports process start to first 200) and sum the pages' brotli bytes.
 */
const BROTLI_QUALITY: Record<Compression, number> = { best: 8, quick: 5 };

/**
 * Every brotli stream's window: 64 KB (2^16 bytes), for the pages made at start and the search
 * pages made per request alike. It holds a whole page but the sitemap and the overviews, which
 * lose a few percent of their brotli bytes for it. The default 4 MB window makes every encoder
 * set up far more memory than a page needs; and above 64 KB, brotli at qualities 5 to 9 takes a
 * 16 MB hash table instead of a few hundred kilobytes, which each thread of the pool that
 * compressed one keeps for the life of the process.
 */
export const BROTLI_WINDOW_BITS = 16;

const brotliOptions = (identity: Buffer, compression: Compression = 'best') => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[compression],
    [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
  },
});

const brotliInPool = promisify(brotliCompress);

/** Each variant is kept for the life of the process, in a buffer of its own (see ownBuffer). */
function assemble(options: PrepareOptions, identity: Buffer, br: Buffer): PreparedResponse {
  return {
    status: options.status ?? 200,
    etag: etagOf(identity),
    headers: {
      'content-type': options.contentType,
      'cache-control': options.cacheControl ?? PAGE_CACHE_CONTROL,
      vary: 'Accept-Encoding',
    },
    variants: {
      identity: ownBuffer(identity),
      gzip: ownBuffer(gzipSync(identity, { level: 9 })),
      br: ownBuffer(br),
    },
  };
}

const bytesOf = (body: string | Buffer) => (Buffer.isBuffer(body) ? body : Buffer.from(body));

export function prepare(options: PrepareOptions): PreparedResponse {
  const identity = bytesOf(options.body);
  return assemble(options, identity, brotliCompressSync(identity, brotliOptions(identity)));
}

/**
 * Many responses, brotli running in libuv's thread pool so every core takes a share, one page
 * per core at a time. Started all at once, every encoder would be set up before the first is
 * done: the pool's threads would hold them all, and keep that memory after (glibc gives a
 * thread's freed memory back to its own arena, rarely to the system).
 */
export async function prepareAll(
  list: readonly PrepareOptions[],
  compression: Compression = 'best',
): Promise<PreparedResponse[]> {
  return mapAtMost(list, availableParallelism(), async (options) => {
    const identity = bytesOf(options.body);
    const br = await brotliInPool(identity, brotliOptions(identity, compression));
    return assemble(options, identity, br);
  });
}

// negotiator 1.x breaks ties in q by a server preference order; @types/negotiator predates that.
type EncodingNegotiator = {
  encodings(available: readonly string[], options: { preferred: readonly string[] }): string[];
};

// Clients send few distinct Accept-Encoding values; remember the answer for each, per order of
// preference (each a constant list, so known by identity).
const negotiated = new Map<readonly Encoding[], Map<string, Encoding>>();

/**
 * The encoding to send, among those the client takes: by default the smallest (brotli, then
 * gzip); `preferred` orders them otherwise for a response compressed per request.
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  preferred: readonly Encoding[] = ENCODINGS,
): Encoding {
  const header = acceptEncoding ?? '';
  let answers = negotiated.get(preferred);
  if (!answers) {
    answers = new Map();
    // A list made per call would never be found again: remember only the first few lists.
    if (negotiated.size < 8) negotiated.set(preferred, answers);
  }
  let encoding = answers.get(header);
  if (encoding === undefined) {
    const request = { headers: { 'accept-encoding': header } };
    const negotiator = new Negotiator(request) as unknown as EncodingNegotiator;
    const choice = negotiator.encodings(preferred, { preferred })[0];
    encoding = (choice as Encoding | undefined) ?? 'identity';
    if (answers.size < 256) answers.set(header, encoding);
  }
  return encoding;
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return (
    ifNoneMatch === etag ||
    ifNoneMatch.split(',').some((tag) => {
      const trimmed = tag.trim();
      return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
    })
  );
}

/** Writes a prepared response, honouring HEAD, If-None-Match and Accept-Encoding. */
export function sendPrepared(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
): void {
  for (const [name, value] of Object.entries(prepared.headers)) res.setHeader(name, value);
  res.setHeader('etag', prepared.etag);
  if (prepared.status === 200 && matchesEtag(req.headers['if-none-match'], prepared.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const body = prepared.variants[encoding];
  res.statusCode = prepared.status;
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
