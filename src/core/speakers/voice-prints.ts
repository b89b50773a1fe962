import { SAMPLE_RATE } from '../media/samples.ts';
import { CEPSTRA, HOP, voiceFrames, type VoiceFrames } from './voice-features.ts';

/** A stretch of speech long enough to say whose voice it is, hopping by half of it. */
export const SEGMENT_SECONDS = 1.5;
const SEGMENT_HOP_SECONDS = 0.75;
/** A piece of speech shorter than this says too little about its voice to stand alone. */
const SHORTEST_SECONDS = 0.4;
/** Frames this far (in natural log energy) below the loudest of a piece are breath and room, not voice. */
const QUIET = 6;

/** One segment's voice: the mean and spread of its cepstra over its voiced frames. */
export interface VoiceSegment {
  readonly start: number;
  readonly end: number;
  readonly print: Float32Array; // 2 × CEPSTRA
}

/** The voice print of frames [from, to): mean and standard deviation of each coefficient over the loud frames. */
function printOf(frames: VoiceFrames, from: number, to: number, floor: number): Float32Array | null {
  const print = new Float32Array(2 * CEPSTRA);
  let n = 0;
  for (let f = from; f < to; f++) {
    if (frames.energy[f] < floor) continue;
    n++;
    for (let c = 0; c < CEPSTRA; c++) {
      const v = frames.cepstra[f * CEPSTRA + c];
      print[c] += v;
      print[CEPSTRA + c] += v * v;
    }
  }
  if (n < 10) return null;
  for (let c = 0; c < CEPSTRA; c++) {
    const mean = print[c] / n;
    print[c] = mean;
    print[CEPSTRA + c] = Math.sqrt(Math.max(0, print[CEPSTRA + c] / n - mean * mean));
  }
  return print;
}

/** Segment bounds over a piece of `seconds`: hops of half a segment, the last one flush with its end. */
function segmentBounds(seconds: number): [number, number][] {
  if (seconds < SEGMENT_SECONDS) return seconds >= SHORTEST_SECONDS ? [[0, seconds]] : [];
  const bounds: [number, number][] = [];
  for (let at = 0; at + SEGMENT_SECONDS <= seconds + 1e-6; at += SEGMENT_HOP_SECONDS) bounds.push([at, at + SEGMENT_SECONDS]);
  if (bounds.at(-1)![1] < seconds - 0.2) bounds.push([seconds - SEGMENT_SECONDS, seconds]);
  return bounds;
}

/** The voice segments of one piece of speech, whose samples start at `start` seconds in the media. */
export function voiceSegments(samples: Float32Array, start: number): VoiceSegment[] {
  const frames = voiceFrames(samples);
  let loudest = -Infinity;
  for (let f = 0; f < frames.count; f++) loudest = Math.max(loudest, frames.energy[f]);
  const frameOf = (seconds: number): number => Math.min(frames.count, Math.round((seconds * SAMPLE_RATE) / HOP));
  return segmentBounds(samples.length / SAMPLE_RATE).flatMap(([from, to]) => {
    const print = printOf(frames, frameOf(from), frameOf(to), loudest - QUIET);
    return print ? [Object.freeze({ start: start + from, end: start + to, print })] : [];
  });
}
