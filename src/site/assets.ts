import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IMMUTABLE_CACHE_CONTROL, prepare, type PreparedResponse } from '../lib/prepared';

export interface Asset {
  /** Fingerprinted URL: `/assets/site.3f2a9c1b.css`. */
  url: string;
  body: Buffer;
  contentType: string;
}

export interface Assets {
  /** Logical name (`site.css`) to fingerprinted URL, for templates. */
  urls: Record<string, string>;
  byUrl: ReadonlyMap<string, Asset>;
}

export const ASSET_PREFIX = '/assets/';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads the static files once. Each URL carries a hash of the content, so browsers may keep
 * a file forever: a changed file gets a new URL.
 */
export function loadAssets(staticDir: string): Assets {
  const urls: Record<string, string> = {};
  const byUrl = new Map<string, Asset>();
  for (const name of readdirSync(staticDir).sort()) {
    const extension = path.extname(name);
    const contentType = CONTENT_TYPES[extension];
    if (!contentType) continue;
    const body = readFileSync(path.join(staticDir, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const url = `${ASSET_PREFIX}${path.basename(name, extension)}.${hash}${extension}`;
    urls[name] = url;
    byUrl.set(url, { url, body, contentType });
  }
  return { urls, byUrl };
}

/** Each asset as a ready response; its URL changes with its content, so it may be kept forever. */
export function prepareAssets(assets: Assets): Map<string, PreparedResponse> {
  return new Map(
    [...assets.byUrl].map(([url, { body, contentType }]) => [
      url,
      prepare({ body, contentType, cacheControl: IMMUTABLE_CACHE_CONTROL }),
    ]),
  );
}
