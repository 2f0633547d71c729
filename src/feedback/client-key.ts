import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An IPv6 address written out in full: eight groups of four hex digits. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail ?? '').length;
  const filled =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array(missing).fill('0'), ...groups(tail)];
  return filled.map((group) => group.padStart(4, '0'));
}

/**
 * What identifies one client: its IPv4 address, or the /64 network of its IPv6 address
 * (one home or phone gets a whole /64, and could otherwise change address at will).
 */
export function clientOf(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain.split('%')[0] ?? '')
    .slice(0, 4)
    .join(':')}::/64`;
}

/**
 * Turns a client's address into a key for counting its posts: an HMAC with a random salt
 * that lives only in memory and changes every day. The address itself is kept nowhere, and
 * yesterday's keys cannot be linked to today's.
 */
export function createClientKeys(now: () => number = Date.now) {
  let day = -1;
  let salt = Buffer.alloc(0);
  return {
    /** The day the current salt belongs to, so counters can start afresh with it. */
    day: () => Math.floor(now() / DAY_MS),
    keyOf(address: string): string {
      const today = Math.floor(now() / DAY_MS);
      if (today !== day) {
        day = today;
        salt = randomBytes(32);
      }
      return createHmac('sha256', salt).update(clientOf(address)).digest('base64url');
    },
  };
}

export type ClientKeys = ReturnType<typeof createClientKeys>;
