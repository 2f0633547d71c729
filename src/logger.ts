import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * stdout through pino's own buffer (sonic-boom): lines are written once `BUFFER_BYTES` have
 * gathered, or every `FLUSH_MS` whatever the amount. A busy server logs tens of thousands of
 * lines a second, and a write per line costs more than serving the request. Written off the
 * main thread (`sync: false`); pino flushes what is left when the process exits, and
 * `logger.flush()` on shutdown.
 */
const BUFFER_BYTES = 8 * 1024;
const FLUSH_MS = 100;

function bufferedStdout(): DestinationStream {
  return pino.destination({
    dest: 1,
    sync: false,
    minLength: BUFFER_BYTES,
    periodicFlush: FLUSH_MS,
  });
}

/**
 * For people reading the terminal of `npm run dev`: a time, the level (coloured in a terminal),
 * the message; a request on one line. pino-pretty is a development dependency, loaded by name only here.
 */
function readableStdout(): DestinationStream {
  return pino.transport({
    target: 'pino-pretty',
    options: {
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId,method,path,status,ms',
      messageFormat: '{msg}{if method} {method} {path} {status} {ms} ms{end}',
    },
  }) as DestinationStream;
}

/**
 * Structured JSON logs on stdout, one line per event; the level comes from LOG_LEVEL.
 * `readable` (development only) prints them for people instead.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  options: { readable?: boolean } = {},
): Logger {
  const destination = options.readable ? readableStdout() : bufferedStdout();
  return pino({ level: config.LOG_LEVEL, base: undefined }, destination);
}
