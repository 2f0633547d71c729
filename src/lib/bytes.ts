import { createHash } from 'node:crypto';

/**
 * The bytes in memory of their own, exactly as long as they are. A small buffer is a slice of a
 * shared 8 KB pool, and zlib's output a slice of its 16 KB output chunk: a kept slice keeps the
 * whole block it was cut from alive, out of any count of what is kept.
 */
export function ownBuffer(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

/** A strong ETag for a response's bytes: the same bytes give the same tag, on any replica. */
export function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}
