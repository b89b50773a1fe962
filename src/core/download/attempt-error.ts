import type { AttemptFailure } from './retry-policy.ts';

/** One attempt at a file failed in a way the retry policy decides about. */
export class AttemptError extends Error {
  readonly failure: AttemptFailure;
  readonly errorCode: string | null;

  constructor(failure: AttemptFailure, message: string, errorCode: string | null = null) {
    super(message);
    this.name = 'AttemptError';
    this.failure = failure;
    this.errorCode = errorCode;
  }
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}
