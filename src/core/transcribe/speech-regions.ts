import { SAMPLE_RATE } from '../media/samples.ts';

/** A stretch of the original audio, in seconds. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface VadOptions {
  /** Samples per speech probability (Silero v5 at 16 kHz: 512, i.e. 32 ms). */
  readonly frameSamples: number;
  /** A frame at or above this is speech; speech ends only below `threshold - 0.15`. */
  readonly threshold: number;
  /** Speech shorter than this is a click or a cough, not speech. */
  readonly minSpeechSeconds: number;
  /** A pause must last this long to end a region (shorter ones stay inside it). */
  readonly minSilenceSeconds: number;
  /** Kept on both sides of a region so word onsets and tails are not clipped (faster-whisper: 400 ms). */
  readonly padSeconds: number;
}

export const DEFAULT_VAD: VadOptions = Object.freeze({
  frameSamples: 512,
  threshold: 0.5,
  minSpeechSeconds: 0.25,
  minSilenceSeconds: 0.5,
  padSeconds: 0.4,
});

/**
 * Where speech that crossed the threshold at frame `i` began: back over the frames just before it
 * that are above the exit level. Silero is slow to trust speech right after loud noise, and
 * these are the first words.
 */
function onset(probs: ArrayLike<number>, i: number, exit: number, floor: number): number {
  let start = i;
  while (start > floor && probs[start - 1] >= exit) start -= 1;
  return start;
}

/** Raw regions in frame indices, with hysteresis: enter at `threshold`, leave after a long enough dip below `threshold - 0.15`. */
function rawRegions(probs: ArrayLike<number>, o: VadOptions): [number, number][] {
  const exit = o.threshold - 0.15;
  const minSilence = Math.ceil((o.minSilenceSeconds * SAMPLE_RATE) / o.frameSamples);
  const regions: [number, number][] = [];
  let start = -1;
  let quietSince = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (start < 0) {
      if (p >= o.threshold) [start, quietSince] = [onset(probs, i, exit, regions.at(-1)?.[1] ?? 0), -1];
      continue;
    }
    if (p >= o.threshold) quietSince = -1;
    else if (p < exit && quietSince < 0) quietSince = i;
    if (quietSince >= 0 && i - quietSince >= minSilence) {
      regions.push([start, quietSince]);
      [start, quietSince] = [-1, -1];
    }
  }
  if (start >= 0) regions.push([start, quietSince >= 0 ? quietSince : probs.length]);
  return regions;
}

/**
 * Where the speech is, from per-frame speech probabilities: regions in seconds, padded, merged
 * where the padding makes them touch, and clamped to the audio.
 */
export function speechRegions(probs: ArrayLike<number>, duration: number, options: VadOptions = DEFAULT_VAD): Span[] {
  const frame = options.frameSamples / SAMPLE_RATE;
  const spans: Span[] = [];
  for (const [a, b] of rawRegions(probs, options)) {
    if ((b - a) * frame < options.minSpeechSeconds) continue;
    const start = Math.max(0, a * frame - options.padSeconds);
    const end = Math.min(duration, b * frame + options.padSeconds);
    const last = spans.at(-1);
    if (last && start <= last.end) spans[spans.length - 1] = Object.freeze({ start: last.start, end });
    else spans.push(Object.freeze({ start, end }));
  }
  return spans;
}
