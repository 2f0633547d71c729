import pino from 'pino';
import { FAILURE_LOG_INTERVAL_MS, throttledFailureLog } from '../../src/feedback/failure-log';

describe('logging database failures', () => {
  it('logs at most once a minute, counting what it left out', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    let now = 1_000_000;
    const report = throttledFailureLog(logger, () => now);
    const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    for (let post = 0; post < 10; post++) report(failure, 'recording feedback');
    expect(lines).toHaveLength(1);
    now += FAILURE_LOG_INTERVAL_MS - 1;
    report(failure, 'recording feedback');
    expect(lines).toHaveLength(1);
    now += 1;
    report(failure, 'recording feedback');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: 'feedback database: recording feedback failed',
      error: { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' },
      unloggedSince: 10,
    });
  });
});
