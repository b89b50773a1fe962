/** Too little done says nothing yet about the speed (loading and the first window dominate). */
const MIN_DONE_SECONDS = 30;

/**
 * Seconds of work left, from the speed so far (real-time factor: time spent per second of media
 * done), or null until enough is done to tell.
 */
export function timeLeft(elapsedSeconds: number, doneSeconds: number, totalSeconds: number): number | null {
  if (doneSeconds < MIN_DONE_SECONDS || elapsedSeconds <= 0) return null;
  const rtf = elapsedSeconds / doneSeconds;
  return Math.max(0, (totalSeconds - doneSeconds) * rtf);
}
