import { clientOf, createClientKeys } from '../../src/feedback/client-key';
import { createDuplicateWindow, DUPLICATE_WINDOW_MS } from '../../src/feedback/duplicates';
import { createRateLimiter, FEEDBACK_LIMITS } from '../../src/feedback/rate-limit';

const DAY = 24 * 60 * 60 * 1000;

describe('client keys', () => {
  it('never contain the address, and change with the day', () => {
    let now = Date.UTC(2026, 5, 1, 23, 59);
    const keys = createClientKeys(() => now);
    const today = keys.keyOf('203.0.113.7');
    expect(today).not.toContain('203');
    expect(keys.keyOf('203.0.113.7')).toBe(today);
    expect(keys.keyOf('203.0.113.8')).not.toBe(today);
    now += 2 * 60 * 1000;
    expect(keys.keyOf('203.0.113.7')).not.toBe(today);
  });

  it('take an IPv6 client by its /64, and an IPv4-mapped address as IPv4', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(clientOf('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientOf('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('the rate limit', () => {
  it(`takes ${FEEDBACK_LIMITS.perMinute} posts a minute from a client, then refuses until the minute has passed`, () => {
    let now = 0;
    const limiter = createRateLimiter(FEEDBACK_LIMITS, () => now);
    for (let post = 0; post < FEEDBACK_LIMITS.perMinute; post++) {
      expect(limiter.allow('a', 0)).toBe(true);
    }
    expect(limiter.allow('a', 0)).toBe(false);
    expect(limiter.allow('b', 0)).toBe(true);
    now += 59_000;
    expect(limiter.allow('a', 0)).toBe(false);
    now += 1_000;
    expect(limiter.allow('a', 0)).toBe(true);
  });

  it(`takes ${FEEDBACK_LIMITS.perDay} posts a day, and starts afresh with the next day's keys`, () => {
    let now = 0;
    const limiter = createRateLimiter(FEEDBACK_LIMITS, () => now);
    let allowed = 0;
    for (let post = 0; post < 100; post++) {
      if (limiter.allow('a', 0)) allowed += 1;
      now += 61_000;
    }
    expect(allowed).toBe(FEEDBACK_LIMITS.perDay);
    now += DAY;
    expect(limiter.allow('a', 1)).toBe(true);
  });
});

describe('the duplicate window', () => {
  it(`drops the same post within ${DUPLICATE_WINDOW_MS / 1000} s, and takes it again after`, () => {
    let now = 0;
    const window = createDuplicateWindow(() => now);
    expect(window.reserve('post')).toBe(true);
    now += DUPLICATE_WINDOW_MS - 1;
    expect(window.reserve('post')).toBe(false);
    expect(window.reserve('another post')).toBe(true);
    now += 1;
    expect(window.reserve('post')).toBe(true);
  });

  it('forgets a post whose writing failed, so a retry is not a duplicate', () => {
    const window = createDuplicateWindow(() => 0);
    expect(window.reserve('post')).toBe(true);
    window.release('post');
    expect(window.reserve('post')).toBe(true);
  });
});
