import type { RetryReason } from './retry-policy.ts';

/** The download is waiting to try again: why, and for how long from when this was sent. */
export interface RetryNotice {
  readonly reason: RetryReason;
  readonly delayMs: number;
}

/** Where a model download stands: bytes of the whole model, and of the file they came from (`path`). */
export interface DownloadProgress {
  readonly done: number;
  readonly total: number;
  readonly file: { readonly path: string; readonly done: number; readonly total: number };
  /** Set while an attempt failed and the next one waits; null while bytes flow. */
  readonly retry: RetryNotice | null;
}

/** Progress goes out at most every `intervalMs`, but always at a file edge. */
export function shouldEmit(lastEmitAt: number | null, now: number, edge: boolean, intervalMs = 100): boolean {
  return edge || lastEmitAt === null || now - lastEmitAt >= intervalMs;
}
