import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay } from './retry-policy.ts';

const net = { kind: 'network' } as const;
const status = (s: number, fromCdn = false, retryAfterMs?: number) => ({ kind: 'status', status: s, fromCdn, retryAfterMs }) as const;

describe('retryDelay', () => {
  it('backs off exponentially with jitter, capped, and gives up after maxAttempts', () => {
    expect(retryDelay(1, net, DEFAULT_RETRY, () => 0)).toBe(250);
    expect(retryDelay(1, net, DEFAULT_RETRY, () => 0.999)).toBe(500);
    expect(retryDelay(3, net, DEFAULT_RETRY, () => 0.5)).toBe(1500);
    expect(retryDelay(20, net, { ...DEFAULT_RETRY, maxAttempts: 30 }, () => 0.999)).toBe(29_985);
    expect(retryDelay(DEFAULT_RETRY.maxAttempts + 1, net, DEFAULT_RETRY, () => 0)).toBeNull();
  });

  it('waits at least what Retry-After asks on 429, retries 5xx, not auth or missing files', () => {
    expect(retryDelay(1, status(429, false, 7000), DEFAULT_RETRY, () => 0)).toBe(7000);
    expect(retryDelay(1, status(503), DEFAULT_RETRY, () => 0)).toBe(250);
    for (const s of [401, 403, 404, 416]) expect(retryDelay(1, status(s), DEFAULT_RETRY, () => 0)).toBeNull();
  });

  it('re-resolves at once when the CDN refuses an expired URL', () => {
    expect(retryDelay(1, status(403, true), DEFAULT_RETRY, () => 0.5)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and RateLimit t=', () => {
    expect(parseRetryAfter('12', null, 0)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', null, 10_000)).toBe(20_000);
    expect(parseRetryAfter(null, '"resolvers";r=0;t=45', 0)).toBe(45_000);
    expect(parseRetryAfter(null, null, 0)).toBeUndefined();
  });
});
