import type { RequestListener, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

interface ConnectionState {
  /** The last response started on this connection. */
  response?: ServerResponse;
  /** When the sweep last saw this connection change. */
  seen?: { response?: ServerResponse; at: number };
}

// A keep-alive connection idle this long is not about to be used: closing it loses nothing.
const IDLE_ENOUGH_MS = 1_000;
const SWEEP_EVERY_MS = 100;

export interface GracefulShutdown {
  /** Wraps the request listener so each connection's last response is known. */
  track(listener: RequestListener): RequestListener;
  /** Stops accepting, lets requests finish, then closes; cuts what is left after `graceMs`. */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * Graceful shutdown for a server: stop accepting, answer every request already received with
 * `Connection: close`, close keep-alive connections once they have been idle a while, and cut
 * whatever is left when the grace period ends.
 *
 * Idle connections are not closed at once: a client may be sending its next request on one
 * at that very moment, and that request would be lost. Per request, this costs one map
 * lookup: no listener, no timer.
 */
export function gracefulShutdown(server: Server): GracefulShutdown {
  const connections = new Map<Socket, ConnectionState>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, {});
    socket.once('close', () => connections.delete(socket));
  });

  const sweep = () => {
    const now = Date.now();
    for (const [socket, state] of connections) {
      const { response, seen } = state;
      if (!seen || seen.response !== response) {
        state.seen = { response, at: now };
        continue;
      }
      const idle = !response || response.writableFinished;
      if (idle && now - seen.at >= IDLE_ENOUGH_MS) socket.destroy();
    }
  };

  return {
    track: (listener) => (req, res) => {
      const state = connections.get(req.socket);
      if (state) state.response = res;
      if (closing) res.setHeader('connection', 'close');
      listener(req, res);
    },
    shutdown: (graceMs) => {
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
    },
  };
}
