import { DEFAULT_VAD, speechRegions, type VadOptions } from '../transcribe/speech-regions.ts';

/** The speech being followed: from `start` to `end` (the audio heard, while it is still going on). */
export interface UtteranceSpan {
  readonly start: number;
  readonly end: number;
  /** A pause ended it: more audio can no longer extend it or join the next speech to it. */
  readonly closed: boolean;
}

/**
 * Whisper hears at most 30 s: an utterance still going on after this long is finished where it
 * stands and the speech after it starts the next one.
 */
export const MAX_UTTERANCE_SECONDS = 24;

/**
 * A pause this long (of silence, before padding) ends an utterance; shorter ones (between phrases
 * of one sentence) stay inside it, so Whisper hears a sentence whole, as it would in a file.
 */
export const PAUSE_SECONDS = 1.2;

/** The first utterance after `doneEnd` in the probabilities of the audio heard so far, or null while there is none. */
export function currentUtterance(probs: ArrayLike<number>, heard: number, doneEnd: number, options: VadOptions = DEFAULT_VAD): UtteranceSpan | null {
  const regions = speechRegions(probs, heard, options).filter((r) => r.end > doneEnd + 0.05);
  if (regions.length === 0) return null;
  // Padded regions this close were apart by less than a pause.
  const joins = PAUSE_SECONDS - 2 * options.padSeconds;
  let [end, next] = [regions[0].end, 1];
  while (next < regions.length && regions[next].start - end < joins) end = regions[next++].end;
  // Settled once speech resuming now could not be padded back to within `joins` of it.
  const closed = next < regions.length || end <= heard - joins - options.padSeconds - 0.1;
  return Object.freeze({ start: Math.max(regions[0].start, doneEnd), end, closed });
}
