import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Listens on `port` of the loopback for a moment: the port it got, or undefined if taken. */
async function probe(port: number): Promise<number | undefined> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (!listening) return undefined;
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return address === null || typeof address === 'string' ? undefined : address.port;
}

/** A port of the loopback that was free a moment ago: listen on it right away. */
export async function freePort(): Promise<number> {
  const port = await probe(0);
  if (port === undefined) throw new Error('no port');
  return port;
}

/** The first port the system gives out as a client's own (Linux says; IANA's range otherwise). */
function ephemeralStart(): number {
  const range = '/proc/sys/net/ipv4/ip_local_port_range';
  const first = existsSync(range)
    ? Number(readFileSync(range, 'utf8').trim().split(/\s+/)[0])
    : NaN;
  return Number.isInteger(first) && first > 1024 ? first : 49152;
}

/**
 * A free port below the range the system gives clients, for a server a test stops and starts
 * again while clients keep trying it. On such a port inside the range, a client's attempt can
 * get the very port as its own and connect to itself (TCP's simultaneous open), and the server
 * then cannot listen on it again: "Address already in use".
 */
export async function freeServerPort(): Promise<number> {
  const end = ephemeralStart();
  const start = Math.max(1025, end - 16384);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = await probe(start + Math.floor(Math.random() * (end - start)));
    if (port !== undefined) return port;
  }
  throw new Error(`no free port between ${start} and ${end}`);
}
