import { AttemptError, isAbort } from './attempt-error.ts';
import { giveUpError } from './file-errors.ts';
import { DEFAULT_RETRY, retryDecision, type RetryPolicy, type RetryReason } from './retry-policy.ts';
import { DEFAULT_SPEED_FLOOR, type SpeedFloorPolicy } from './speed-floor.ts';
import { createStallGuard, type StallGuard } from './stall-guard.ts';
import { DEFAULT_STALL_MS } from './transfer-context.ts';

export interface RetryLoopParams {
  readonly repo: string;
  readonly signal: AbortSignal;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random: () => number;
  /** @default DEFAULT_RETRY */
  readonly retry?: RetryPolicy;
  /** @default DEFAULT_STALL_MS */
  readonly stallTimeoutMs?: number;
  /** Monotonic clock (ms), for the speed floor. */
  readonly now: () => number;
  /** @default DEFAULT_SPEED_FLOOR */
  readonly speedFloor?: SpeedFloorPolicy;
}

/** One piece of work fetched over several attempts: a whole file, or one segment of it. */
export interface Retried<E> {
  readonly path: string;
  readonly url: string;
  /** Bytes of this piece on disk: progress resets the count of failures in a row. */
  position(): number;
  done(): boolean;
  /** One request under its own stall watchdog. */
  attempt(guard: StallGuard): AsyncGenerator<E>;
  /** Drop the bytes on disk: the server's answer could not be placed in the file. */
  restart(): Promise<void>;
  /** The event that tells the UI an attempt failed and when the next one starts. */
  retried(reason: RetryReason, delayMs: number): E;
}

/**
 * Attempts until the piece is done: each with a stall watchdog; network failures, stalls and
 * retriable statuses retried by the policy (Retry-After honoured up to its cap); a failure that
 * may not be retried, or too many without progress, becomes the message a person sees.
 */
export async function* retryLoop<E>(p: RetryLoopParams, piece: Retried<E>): AsyncGenerator<E> {
  let failures = 0;
  // Progress is bytes past the furthest point reached: an attempt that started over and fell short counts as a failure, so no loop lasts.
  let furthest = piece.position();
  while (!piece.done()) {
    const guard = createStallGuard(p.signal, p.stallTimeoutMs ?? DEFAULT_STALL_MS, { policy: p.speedFloor ?? DEFAULT_SPEED_FLOOR, now: p.now });
    try {
      yield* piece.attempt(guard);
    } catch (error) {
      if (isAbort(error, p.signal) || !(error instanceof AttemptError)) throw error;
      failures = piece.position() > furthest ? 1 : failures + 1;
      furthest = Math.max(furthest, piece.position());
      const next = retryDecision(failures, error.failure, p.retry ?? DEFAULT_RETRY, p.random);
      if (next.kind !== 'retry') throw giveUpError(error, next, p.repo, piece.path, piece.url);
      if (error.failure.kind === 'unverifiable-range') await piece.restart();
      yield piece.retried(next.reason, next.delayMs);
      await p.sleep(next.delayMs, p.signal);
    } finally {
      guard.dispose();
    }
  }
}
