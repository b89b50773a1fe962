import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, parseRetryAfter, retryDecision, type RetryDecision } from './retry-policy.ts';

const net = { kind: 'network' } as const;
const status = (s: number, fromCdn = false, retryAfterMs?: number) => ({ kind: 'status', status: s, fromCdn, retryAfterMs }) as const;
const delay = (d: RetryDecision): number | null => (d.kind === 'retry' ? d.delayMs : null);

describe('retryDecision', () => {
  it('backs off exponentially with jitter, capped, and gives up after maxAttempts', () => {
    expect(delay(retryDecision(1, net, DEFAULT_RETRY, () => 0))).toBe(250);
    expect(delay(retryDecision(1, net, DEFAULT_RETRY, () => 0.999))).toBe(500);
    expect(delay(retryDecision(3, net, DEFAULT_RETRY, () => 0.5))).toBe(1500);
    expect(delay(retryDecision(20, net, { ...DEFAULT_RETRY, maxAttempts: 30 }, () => 0.999))).toBe(29_985);
    expect(retryDecision(DEFAULT_RETRY.maxAttempts + 1, net, DEFAULT_RETRY, () => 0)).toEqual({ kind: 'give-up' });
  });

  it('waits at least what Retry-After asks on 429 and 503, retries 5xx, not auth or missing files', () => {
    expect(retryDecision(1, status(429, false, 7000), DEFAULT_RETRY, () => 0)).toEqual({ kind: 'retry', delayMs: 7000, reason: 'server-asked' });
    expect(retryDecision(1, status(503, false, 3000), DEFAULT_RETRY, () => 0)).toEqual({ kind: 'retry', delayMs: 3000, reason: 'server-asked' });
    expect(retryDecision(1, status(503), DEFAULT_RETRY, () => 0)).toEqual({ kind: 'retry', delayMs: 250, reason: 'server' });
    for (const s of [401, 403, 404, 416]) expect(retryDecision(1, status(s), DEFAULT_RETRY, () => 0).kind).toBe('give-up');
  });

  it('a 429 whose wait cannot be read backs off for minutes, spanning the hub\'s 5-minute windows', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => delay(retryDecision(n, status(429), DEFAULT_RETRY, () => 0))!);
    expect(delays[0]).toBeGreaterThanOrEqual(7500);
    expect(delays.at(-1)).toBeLessThanOrEqual(DEFAULT_RETRY.rateLimitMaxMs);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 60_000 * 0.75);
    expect(retryDecision(1, status(429), DEFAULT_RETRY, () => 0)).toMatchObject({ reason: 'rate-limited' });
  });

  it('drops a trickling connection and reconnects after a moment, saying why', () => {
    expect(retryDecision(1, { kind: 'network', slow: true }, DEFAULT_RETRY, () => 0)).toEqual({ kind: 'retry', delayMs: 1000, reason: 'too-slow' });
  });

  it('never retries a file the server has at another size than listed', () => {
    expect(retryDecision(1, { kind: 'size-mismatch', listed: 10, served: 11, larger: true }, DEFAULT_RETRY, () => 0)).toEqual({ kind: 'give-up' });
  });

  it('refuses waits longer than the cap instead of obeying them for a day', () => {
    expect(retryDecision(1, status(429, false, 86_400_000), DEFAULT_RETRY, () => 0)).toEqual({ kind: 'wait-too-long', askedMs: 86_400_000 });
    expect(retryDecision(1, status(429, false, 60_000), DEFAULT_RETRY, () => 0).kind).toBe('retry');
  });

  it('says a stall is a stall, and re-resolves at once when the CDN refuses an expired URL', () => {
    expect(retryDecision(1, { kind: 'network', stalled: true }, DEFAULT_RETRY, () => 0)).toMatchObject({ kind: 'retry', reason: 'stalled' });
    expect(retryDecision(1, status(403, true), DEFAULT_RETRY, () => 0.5)).toEqual({ kind: 'retry', delayMs: 0, reason: 'renew-url' });
    expect(retryDecision(1, { kind: 'unverifiable-range' }, DEFAULT_RETRY, () => 0.5)).toEqual({ kind: 'retry', delayMs: 0, reason: 'restart-file' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates against the wall clock, and RateLimit t=', () => {
    expect(parseRetryAfter('12', null, 0)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', null, 10_000)).toBe(20_000);
    const wall = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(parseRetryAfter(new Date(wall + 3000).toUTCString(), null, wall)).toBe(3000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', null, wall)).toBe(0);
    expect(parseRetryAfter(null, '"resolvers";r=0;t=45', 0)).toBe(45_000);
    expect(parseRetryAfter(null, null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', null, 0)).toBeUndefined();
  });
});
