/**
 * A silent hang must never be possible: when a job has not moved for a while, the page says so.
 * "A while" is at least `minSeconds` (a minute for a transcription, 3 s for a download's bytes),
 * and three times the longest pause between moves so far, so a slow model on a slow device (a
 * minute per window) is not called stuck.
 */
export interface ProgressWatch {
  readonly lastMove: number;
  readonly longestPause: number;
}

export const STILL_SECONDS = 60;

export function startWatch(now: number): ProgressWatch {
  return Object.freeze({ lastMove: now, longestPause: 0 });
}

export function moved(watch: ProgressWatch, now: number): ProgressWatch {
  return Object.freeze({ lastMove: now, longestPause: Math.max(watch.longestPause, now - watch.lastMove) });
}

/** Seconds without a move, once that is long enough to say so; else null. */
export function stillFor(watch: ProgressWatch, now: number, minSeconds = STILL_SECONDS): number | null {
  const still = (now - watch.lastMove) / 1000;
  return still >= Math.max(minSeconds, (3 * watch.longestPause) / 1000) ? still : null;
}
