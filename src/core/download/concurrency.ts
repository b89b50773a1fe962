/**
 * How many requests a download runs at once. Starts low, adds one while the aggregate
 * throughput still grows with each added connection (a per-connection cap upstream), stops at
 * the plateau (a line or CPU limit), and backs off for a while on rate limits and stalls.
 */
export interface Concurrency {
  readonly limit: number;
  readonly windowStart: number;
  readonly windowBytes: number;
  /** Bytes/ms of the last full window. */
  readonly lastRate: number;
  /** No growth before this time (after a back-off). */
  readonly holdUntil: number;
}

export interface ConcurrencyPolicy {
  readonly initial: number;
  /** Chromium opens at most 6 HTTP/1.1 connections per host. */
  readonly max: number;
  readonly windowMs: number;
  /** Growth over the last window that counts as "more connections help". */
  readonly growth: number;
  readonly holdMs: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyPolicy = Object.freeze({ initial: 2, max: 6, windowMs: 750, growth: 1.15, holdMs: 5000 });

export function startConcurrency(now: number, policy: ConcurrencyPolicy = DEFAULT_CONCURRENCY): Concurrency {
  return Object.freeze({ limit: Math.min(policy.initial, policy.max), windowStart: now, windowBytes: 0, lastRate: 0, holdUntil: now });
}

/** Count bytes that arrived; at the end of each window, decide whether one more connection is worth it. */
export function observeBytes(c: Concurrency, now: number, bytes: number, policy: ConcurrencyPolicy = DEFAULT_CONCURRENCY): Concurrency {
  const windowBytes = c.windowBytes + bytes;
  const elapsed = now - c.windowStart;
  if (elapsed < policy.windowMs) return Object.freeze({ ...c, windowBytes });
  const rate = windowBytes / elapsed;
  const grow = rate > c.lastRate * policy.growth && now >= c.holdUntil && c.limit < policy.max;
  return Object.freeze({ limit: grow ? c.limit + 1 : c.limit, windowStart: now, windowBytes: 0, lastRate: rate, holdUntil: c.holdUntil });
}

/** A 429/503 or a stall: one connection fewer, and no growth for a while. */
export function backOff(c: Concurrency, now: number, policy: ConcurrencyPolicy = DEFAULT_CONCURRENCY): Concurrency {
  return Object.freeze({ ...c, limit: Math.max(1, c.limit - 1), holdUntil: now + policy.holdMs });
}

/** The default policy with at most `max` connections (at least 1). */
export function limitConnections(max: number): ConcurrencyPolicy {
  const capped = Math.max(1, Math.min(DEFAULT_CONCURRENCY.max, Math.floor(max)));
  return Object.freeze({ ...DEFAULT_CONCURRENCY, initial: Math.min(DEFAULT_CONCURRENCY.initial, capped), max: capped });
}
