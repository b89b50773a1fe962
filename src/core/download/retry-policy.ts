/** Why one attempt at a file failed, as the retry policy sees it. */
export type AttemptFailure =
  | { readonly kind: 'network' }
  | { readonly kind: 'status'; readonly status: number; readonly fromCdn: boolean; readonly retryAfterMs?: number };

export interface RetryPolicy {
  /** Attempts that made no progress, in a row, before giving up. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 });

function retriable(failure: AttemptFailure): boolean {
  if (failure.kind === 'network') return true;
  const { status, fromCdn } = failure;
  // An expired presigned URL answers 403 from the CDN: asking resolve again gives a fresh one.
  if (fromCdn && status === 403) return true;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * How long to wait before the next attempt, or null to give up.
 * Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer.
 * @param attempt 1 for the first retry
 * @param random in [0, 1), injected so specs are deterministic
 */
export function retryDelay(attempt: number, failure: AttemptFailure, policy: RetryPolicy, random: () => number): number | null {
  if (!retriable(failure) || attempt > policy.maxAttempts) return null;
  if (failure.kind === 'status' && failure.fromCdn && failure.status === 403) return 0;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
  const asked = failure.kind === 'status' ? failure.retryAfterMs ?? 0 : 0;
  return Math.max(jittered, asked);
}

/** `Retry-After` (seconds or an HTTP date) or the `t=` of a `RateLimit` header, in ms. */
export function parseRetryAfter(retryAfter: string | null, rateLimit: string | null, now: number): number | undefined {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = rateLimit?.match(/\bt=(\d+)/);
  return reset ? Number(reset[1]) * 1000 : undefined;
}
