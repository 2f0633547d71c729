import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

interface ConnectionState {
  busy: number;
  idleSince: number;
}

// A keep-alive connection idle this long is not about to be used: closing it loses nothing.
const IDLE_ENOUGH_MS = 1_000;
const SWEEP_EVERY_MS = 100;

/**
 * Graceful shutdown for a server: stop accepting, answer every request already received with
 * `Connection: close`, close keep-alive connections once they have been idle a while, and cut
 * whatever is left when the grace period ends.
 *
 * Idle connections are not closed at once: a client may be sending its next request on one
 * at that very moment, and that request would be lost.
 */
export function gracefulShutdown(server: Server): (graceMs: number) => Promise<void> {
  const connections = new Map<Socket, ConnectionState>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  // Runs before the app's own listener, so the header is set before any response is written.
  server.prependListener('request', (req, res) => {
    const state = connections.get(req.socket);
    if (state) state.busy += 1;
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      if (!state) return;
      state.busy -= 1;
      state.idleSince = Date.now();
    });
  });

  const sweep = () => {
    const now = Date.now();
    for (const [socket, state] of connections) {
      if (state.busy === 0 && now - state.idleSince >= IDLE_ENOUGH_MS) socket.destroy();
    }
  };

  return (graceMs) => {
    closing = true;
    return new Promise((resolve) => {
      const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      // http.Server#close also drops every idle keep-alive connection on the spot (Node 19+),
      // which is the race described above; the plain net close only stops accepting.
      NetServer.prototype.close.call(server, () => {
        clearInterval(sweeper);
        clearTimeout(deadline);
        resolve();
      });
      sweep();
    });
  };
}
