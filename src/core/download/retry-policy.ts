/** Why one attempt at a file failed, as the retry policy sees it. */
export type AttemptFailure =
  /** `stalled`: no bytes arrived for the stall timeout; `slow`: they trickled in under the speed floor. Either way the attempt was aborted. */
  | { readonly kind: 'network'; readonly stalled?: boolean; readonly slow?: boolean }
  | { readonly kind: 'status'; readonly status: number; readonly fromCdn: boolean; readonly retryAfterMs?: number }
  /** A 206 whose start could not be checked (Content-Range hidden, length not matching): start the file over. */
  | { readonly kind: 'unverifiable-range' }
  /** The server's file is not the size the listing says (`served` null: only that it is larger or smaller). Never retried: no attempt could end well. */
  | { readonly kind: 'size-mismatch'; readonly listed: number; readonly served: number | null; readonly larger: boolean };

export interface RetryPolicy {
  /** Attempts that made no progress, in a row, before giving up. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest wait a server's Retry-After may impose; a longer ask stops the download. */
  readonly maxServerWaitMs: number;
  /**
   * A 429 whose wait cannot be read (the hub does not expose Retry-After to pages): back off from
   * this, doubling up to `rateLimitMaxMs`, so the attempts span the hub's 5-minute windows.
   */
  readonly rateLimitBaseMs: number;
  readonly rateLimitMaxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxServerWaitMs: 60_000, rateLimitBaseMs: 10_000, rateLimitMaxMs: 120_000 });

/** What a person is told while the download waits to try again. */
export type RetryReason = 'stalled' | 'too-slow' | 'network' | 'server' | 'server-asked' | 'rate-limited' | 'renew-url' | 'restart-file';

export type RetryDecision =
  | { readonly kind: 'retry'; readonly delayMs: number; readonly reason: RetryReason }
  | { readonly kind: 'give-up' }
  /** The server asked for a wait longer than the policy allows. */
  | { readonly kind: 'wait-too-long'; readonly askedMs: number };

function retriable(failure: AttemptFailure): boolean {
  if (failure.kind === 'size-mismatch') return false;
  if (failure.kind !== 'status') return true;
  const { status, fromCdn } = failure;
  // An expired presigned URL answers 403 from the CDN: asking resolve again gives a fresh one.
  if (fromCdn && status === 403) return true;
  return status === 408 || status === 429 || status >= 500;
}

function reasonOf(failure: AttemptFailure): RetryReason {
  if (failure.kind === 'unverifiable-range' || failure.kind === 'size-mismatch') return 'restart-file';
  if (failure.kind === 'network') return failure.stalled ? 'stalled' : failure.slow ? 'too-slow' : 'network';
  return failure.retryAfterMs !== undefined ? 'server-asked' : 'server';
}

const decision = (value: RetryDecision): RetryDecision => Object.freeze(value);

/**
 * Whether and when to try again. Exponential backoff with full jitter; a server's Retry-After
 * wins when it asks for longer, unless it asks for more than `maxServerWaitMs`.
 * @param attempt 1 for the first retry
 * @param random in [0, 1), injected so specs are deterministic
 */
export function retryDecision(attempt: number, failure: AttemptFailure, policy: RetryPolicy, random: () => number): RetryDecision {
  if (!retriable(failure) || attempt > policy.maxAttempts) return decision({ kind: 'give-up' });
  if (failure.kind === 'unverifiable-range') return decision({ kind: 'retry', delayMs: 0, reason: 'restart-file' });
  if (failure.kind === 'status' && failure.fromCdn && failure.status === 403) return decision({ kind: 'retry', delayMs: 0, reason: 'renew-url' });
  // A trickling connection is dropped to get a better one: reconnect after a moment (long enough
  // for the row to say so), from the bytes on disk.
  if (failure.kind === 'network' && failure.slow) return decision({ kind: 'retry', delayMs: 1000, reason: 'too-slow' });
  if (failure.kind === 'status' && failure.status === 429 && failure.retryAfterMs === undefined) {
    const backoff = Math.min(policy.rateLimitMaxMs, policy.rateLimitBaseMs * 2 ** (attempt - 1));
    return decision({ kind: 'retry', delayMs: Math.round(backoff * (0.75 + 0.25 * random())), reason: 'rate-limited' });
  }
  const asked = failure.kind === 'status' ? failure.retryAfterMs ?? 0 : 0;
  if (asked > policy.maxServerWaitMs) return decision({ kind: 'wait-too-long', askedMs: asked });
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
  return decision({ kind: 'retry', delayMs: Math.max(jittered, asked), reason: reasonOf(failure) });
}

/**
 * `Retry-After` (seconds or an HTTP-date) or the `t=` of a `RateLimit` header, in ms from now.
 * @param wallNow the wall clock (`Date.now()`): an HTTP-date is a wall-clock time, never a monotonic one
 */
export function parseRetryAfter(retryAfter: string | null, rateLimit: string | null, wallNow: number): number | undefined {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - wallNow);
  }
  const reset = rateLimit?.match(/\bt=(\d+)/);
  return reset ? Number(reset[1]) * 1000 : undefined;
}
