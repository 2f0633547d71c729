import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * stdout through pino's own buffer (sonic-boom): lines are written once `BUFFER_BYTES` have
 * gathered, or every `FLUSH_MS` whatever the amount. A busy server logs tens of thousands of
 * lines a second, and a write per line costs more than serving the request. Written off the
 * main thread (`sync: false`); pino flushes what is left when the process exits, and
 * `logger.flush()` on shutdown.
 *
 * The buffer holds each line as bytes (`contentMode: 'buffer'`). In its default text mode,
 * sonic-boom appends each line to one growing string and measures that string's bytes at every
 * write, so each line costs a copy of everything buffered before it: at the fast path's rate,
 * more than serving the page (`npm run bench` compares the site with a bare server).
 */
const BUFFER_BYTES = 8 * 1024;
const FLUSH_MS = 100;

function bufferedStdout(): DestinationStream {
  const stdout = pino.destination({
    dest: 1,
    sync: false,
    minLength: BUFFER_BYTES,
    periodicFlush: FLUSH_MS,
    contentMode: 'buffer',
  });
  return {
    // sonic-boom's buffer mode takes Buffers; its type declares strings only.
    write: (line: string) => stdout.write(Buffer.from(line) as unknown as string),
    flush: (callback?: (error?: Error) => void) => stdout.flush(callback),
  } as DestinationStream;
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
