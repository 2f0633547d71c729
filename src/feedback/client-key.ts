import { createHmac, randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const hex4 = (part: number) => part.toString(16).padStart(4, '0');

/**
 * What identifies one client: its IPv4 address, or the /64 network of its IPv6 address
 * (one home or phone gets a whole /64, and could otherwise change address at will), written
 * out in full: `2001:0db8:0001:0002::/64`. An IPv4-mapped IPv6 address is its IPv4 address.
 */
export function clientOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed instanceof ipaddr.IPv4) return parsed.toString();
  return `${parsed.parts.slice(0, 4).map(hex4).join(':')}::/64`;
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
