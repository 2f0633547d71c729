import { randomBytes } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * The key, on a line of its own, then the snapshot: a start whose key differs reads only that
 * line, not the megabytes after it. Longer keys than this are refused when written.
 */
const KEY_BYTES = 4096;

/** Written beside, then renamed over the file: a start never reads a half-written snapshot. */
export function writeSnapshot(file: string, snapshot: SiteSnapshot): void {
  const key = Buffer.from(`${snapshot.key}\n`);
  if (key.length > KEY_BYTES) throw new Error(`a snapshot key is at most ${KEY_BYTES} bytes`);
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([key, serialize(snapshot)]));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The key a snapshot file was written under, from its first line; none if there is no file. */
function keyOf(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(KEY_BYTES);
    const end = head.subarray(0, readSync(fd, head, 0, KEY_BYTES, 0)).indexOf('\n');
    return end < 0 ? undefined : head.toString('utf8', 0, end);
  } finally {
    closeSync(fd);
  }
}

/** The snapshot in `file` if there is one and it was made from what `key` names. */
export function readSnapshot(file: string, key: string): SiteSnapshot | undefined {
  if (keyOf(file) !== key) return undefined;
  // Each Buffer comes back as a view of the file's bytes, which all pages then share.
  let snapshot: SiteSnapshot;
  try {
    const bytes = readFileSync(file);
    snapshot = deserialize(bytes.subarray(bytes.indexOf('\n') + 1)) as SiteSnapshot;
  } catch {
    // Gone since its key was read, or not a snapshot this Node can read (cut short, or from
    // another version): build instead.
    return undefined;
  }
  return snapshot.key === key ? snapshot : undefined;
}
