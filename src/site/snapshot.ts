import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { LoadedContent } from '../content/load';
import type { RenderedSite } from './site';

/**
 * What a build keeps so that a start can skip reading the YAML, rendering and compressing:
 * the checked content and the rendered site, in V8's own serialization (which keeps the
 * tree's shared nodes and Maps as they are), under the key of what they were made from.
 * Why a start needs it, and when it is used: docs/adr/0007-the-build-prepares-the-site.md.
 */
export interface SiteSnapshot {
  /** A hash of everything the site was made from; a start uses the snapshot only if its own matches. */
  key: string;
  content: LoadedContent;
  rendered: RenderedSite;
}

/** Written beside, then renamed over the file: a start never reads a half-written snapshot. */
export function writeSnapshot(file: string, snapshot: SiteSnapshot): void {
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    writeFileSync(partial, serialize(snapshot));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The snapshot in `file` if there is one and it was made from what `key` names. */
export function readSnapshot(file: string, key: string): SiteSnapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  // Each Buffer comes back as a view of the file's bytes, which all pages then share.
  let snapshot: SiteSnapshot;
  try {
    snapshot = deserialize(bytes) as SiteSnapshot;
  } catch {
    // Not a snapshot this Node can read (cut short, or from another version): build instead.
    return undefined;
  }
  return snapshot.key === key ? snapshot : undefined;
}
