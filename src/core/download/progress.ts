import type { RetryReason } from './retry-policy.ts';

/** The download is waiting to try again: why, and for how long from when this was sent. */
export interface RetryNotice {
  readonly reason: RetryReason;
  readonly delayMs: number;
}

/** Where a model download stands: the current file, the whole model, speed and time left. */
export interface DownloadProgress {
  readonly file: string;
  readonly fileLoaded: number;
  readonly fileTotal: number;
  readonly loaded: number;
  readonly total: number;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number | null;
  /** Set while an attempt failed and the next one waits; null while bytes flow. */
  readonly retry: RetryNotice | null;
}

/** A byte count seen at a time; a short history of them gives the speed. */
export interface Sample {
  readonly at: number;
  readonly bytes: number;
}

/** The history with this sample added and those older than the window dropped (a new array). */
export function addSample(samples: readonly Sample[], sample: Sample, windowMs = 3000): readonly Sample[] {
  const kept = samples.filter((s) => sample.at - s.at <= windowMs);
  return Object.freeze([...kept, sample]);
}

/** Bytes per second over the window; 0 until two samples span some time. */
export function bytesPerSecond(samples: readonly Sample[]): number {
  if (samples.length < 2) return 0;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const elapsed = last.at - first.at;
  return elapsed > 0 ? ((last.bytes - first.bytes) * 1000) / elapsed : 0;
}

/** Seconds left at this speed, or null while the speed is unknown. */
export function etaSeconds(remainingBytes: number, speed: number): number | null {
  if (remainingBytes <= 0) return 0;
  return speed > 0 ? remainingBytes / speed : null;
}

/** Progress goes out at most every `intervalMs`, but always at a file edge. */
export function shouldEmit(lastEmitAt: number | null, now: number, edge: boolean, intervalMs = 100): boolean {
  return edge || lastEmitAt === null || now - lastEmitAt >= intervalMs;
}

/**
 * The speed to show `sinceMs` after the last progress message: with no new bytes, the bytes in
 * the sampling window shrink linearly until the window holds none, so the figure decays to 0
 * instead of freezing at its last value.
 */
export function speedSince(speed: number, sinceMs: number, windowMs = 3000): number {
  return speed * Math.max(0, 1 - Math.max(0, sinceMs) / windowMs);
}
