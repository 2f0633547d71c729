import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { etagOf, ownBuffer } from '../lib/bytes';
import { BROTLI_WINDOW_BITS, type Encoding } from '../lib/prepared';

/** A finished search page: its bytes, compressed as clients ask for them, and its ETag. */
export interface SearchPage {
  etag: string;
  variants: Partial<Record<Encoding, Buffer>>;
  /** What the entry holds in memory, counted against the cache's budget. */
  bytes: number;
}

/**
 * Brotli for a response made per request, not once at start: quality 1, which compresses a
 * results page in about half the time gzip 4 takes, for about a tenth more bytes than gzip 4
 * (and a fifth more than brotli 4, which takes half as long again as gzip 4). Its window is
 * the ready-made pages' 64 KB, which holds a results page. To weigh another quality, compress a
 * few thousand results pages at each and time them, then compare in one `npm run bench` run.
 */
const BROTLI_QUALITY = 1;
/**
 * gzip for a page made per request, for clients that take no brotli. A results page (measure one: the length of an uncompressed
 * search response) fits in a 16 KB window, which then finds every match the default 32 KB one
 * does, and a smaller hash table (memLevel 6) is cheaper to set up for so little input. Level
 * 4 rather than 6: less time a page for slightly more bytes, which raised the never-repeated
 * searches' rate and lowered their p99 in `npm run bench`; compare levels within one run.
 */
const GZIP = { level: 4, windowBits: 14, memLevel: 6 };

export function compress(identity: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    });
  }
  return encoding === 'gzip' ? gzipSync(identity, GZIP) : identity;
}

/** An entry of the cache, its key and the page object, beyond the bytes of the buffers themselves. */
const ENTRY_OVERHEAD = 320;

export interface CacheLimits {
  /** The most memory the pages may hold, buffers and bookkeeping. */
  maxBytes: number;
  /** Queries seen once that are remembered, by fingerprint, waiting to be asked again. */
  doorkeeperSlots: number;
}

/**
 * 16 MB: thousands of result pages of a few kilobytes, each kept in the variants asked for;
 * a quarter of a megabyte of fingerprints of queries seen once.
 */
export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  maxBytes: 16 * 1024 * 1024,
  doorkeeperSlots: 65_536,
};

/**
 * Queries seen once, as fingerprints in a table of fixed size (TinyLFU's "doorkeeper"): a page
 * is kept only when its query comes a second time. Most queries are typed once; keeping their
 * pages pushed out pages that are asked again, and every page let go from the cache is work
 * for the garbage collector's full collections, which stop every request. And a query typed
 * once, which may hold a name or an e-mail address, is then never kept in memory, only a
 * 32-bit fingerprint of it. Two queries that share a slot may each need a third request to be
 * kept: the table only makes keeping a page more likely for the queries that repeat.
 */
class Doorkeeper {
  private readonly seen: Uint32Array;

  constructor(slots: number) {
    this.seen = new Uint32Array(Math.max(1, slots));
  }

  /** Whether `key` was seen before; notes it if not. */
  seenBefore(key: string): boolean {
    const digest = createHash('sha1').update(key).digest();
    // 0 is an empty slot: a fingerprint is never 0.
    const fingerprint = digest.readUInt32LE(0) || 1;
    const slot = digest.readUInt32LE(4) % this.seen.length;
    if (this.seen[slot] === fingerprint) return true;
    this.seen[slot] = fingerprint;
    return false;
  }
}

/**
 * Finished search pages by language and normalized query, least recently used first out
 * (lru-cache, by the bytes each page holds): a query asked again is bytes to write. A page is
 * kept from the second time its query comes (see Doorkeeper). Bounded in memory, whatever
 * queries arrive.
 */
export class SearchPageCache {
  private readonly pages: LRUCache<string, SearchPage>;
  private readonly doorkeeper: Doorkeeper;

  constructor(readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS) {
    this.pages = new LRUCache({ maxSize: limits.maxBytes, sizeCalculation: (page) => page.bytes });
    this.doorkeeper = new Doorkeeper(limits.doorkeeperSlots);
  }

  /** Bytes held now, never more than `limits.maxBytes`. */
  get bytes(): number {
    return this.pages.calculatedSize;
  }

  get size(): number {
    return this.pages.size;
  }

  /**
   * The page for `key` with the `encoding` variant, made by `render` if it is not kept yet.
   * The same key always gives the same bytes: `render` is a function of the key alone.
   */
  page(key: string, encoding: Encoding, render: () => Buffer): { page: SearchPage; body: Buffer } {
    const kept = this.pages.get(key);
    const body = kept?.variants[encoding];
    if (kept && body) return { page: kept, body };
    // Only the variant asked for is kept, most often a compressed one of a few KB: each page
    // held is also memory the garbage collector must reclaim when it leaves. A client wanting
    // another variant of a kept page is rare; the page is made again, alike.
    const identity = render();
    const made = ownBuffer(compress(identity, encoding));
    const before = kept ?? {
      etag: etagOf(identity),
      variants: {},
      bytes: ENTRY_OVERHEAD + key.length * 2,
    };
    // A new object: lru-cache counts a page's size when it is set, not when it changes.
    const page: SearchPage = {
      etag: before.etag,
      variants: { ...before.variants, [encoding]: made },
      bytes: before.bytes + made.length,
    };
    if (kept || this.doorkeeper.seenBefore(key)) this.pages.set(key, page);
    return { page, body: made };
  }
}
