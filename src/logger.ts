import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

const BATCH_LINES = 64;
const BATCH_MS = 100;

/**
 * stdout, written in batches: a busy server logs tens of thousands of lines a second, and a
 * write per line costs more than serving the request. Lines wait at most BATCH_MS.
 */
function batchedStdout(): DestinationStream & { flush(callback?: (error?: Error) => void): void } {
  // Synchronous, on this thread: batches make writes rare, and a thread-pool write per batch
  // would compete with the server for the CPU.
  const stdout = pino.destination({ dest: 1, sync: true });
  let pending: string[] = [];
  const drain = () => {
    if (pending.length === 0) return;
    stdout.write(pending.join(''));
    pending = [];
  };
  setInterval(drain, BATCH_MS).unref();
  return {
    write(line: string) {
      pending.push(line);
      if (pending.length >= BATCH_LINES) drain();
    },
    flush(callback) {
      drain();
      stdout.flush(callback);
    },
  };
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
  const destination = options.readable ? readableStdout() : batchedStdout();
  return pino({ level: config.LOG_LEVEL, base: undefined }, destination);
}
