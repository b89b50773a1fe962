import type { Quality } from '../transcribe/decode-options.ts';

/** How the live loop decodes: the decoding, and how much new audio it waits for between passes. */
export interface Pace {
  readonly quality: Quality;
  readonly stepSeconds: number;
  /** Decoding is further behind the audio than it should be (said to the person). */
  readonly behind: boolean;
}

/** More than this behind the audio heard, and the loop gives up quality for speed. */
export const BEHIND_SECONDS = 3;
const STEP_SECONDS = 1;
const MAX_STEP_SECONDS = 4;

export const firstPace = (quality: Quality): Pace => Object.freeze({ quality, stepSeconds: STEP_SECONDS, behind: false });

/**
 * The next pass's pace from how far behind the last one finished: first Fast decoding, then
 * longer steps (fewer passes over the growing utterance); steps shorten again once it has caught
 * up. Quality does not come back within a session: it would only fall behind again.
 */
export function nextPace(pace: Pace, behindSeconds: number): Pace {
  if (behindSeconds > BEHIND_SECONDS) {
    if (pace.quality !== 'fast') return Object.freeze({ quality: 'fast', stepSeconds: pace.stepSeconds, behind: true });
    return Object.freeze({ quality: 'fast', stepSeconds: Math.min(MAX_STEP_SECONDS, pace.stepSeconds * 2), behind: true });
  }
  if (behindSeconds < STEP_SECONDS) return Object.freeze({ ...pace, stepSeconds: Math.max(STEP_SECONDS, pace.stepSeconds / 2), behind: false });
  return pace;
}
