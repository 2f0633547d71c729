import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { SECURITY_HEADERS } from './security';

/**
 * Requests so malformed that Node rejects them before any handler (a broken request line,
 * headers over the size limit) still get a proper answer, with the site's security headers,
 * instead of Node's bare default.
 */
export function answerClientErrors(server: Server): void {
  const headerLines = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'HPE_URI_TOO_LONG'
          ? '414 URI Too Long'
          : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\n${headerLines}content-length: 0\r\nconnection: close\r\n\r\n`,
    );
  });
}
