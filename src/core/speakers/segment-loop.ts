import { SAMPLE_RATE } from '../media/samples.ts';
import type { SpeakerDetector } from './speaker-detector.ts';
import { chunkPart, framesSpeaking, localRuns, SEGMENTATION } from './speaker-segmentation.ts';

/** Samples as they stream in (the worker's `AudioStream`): read by range, dropped once read. */
export interface StreamedSamples {
  readonly seconds: number;
  readonly ended: boolean;
  more(): Promise<void>;
  subarray(start: number, end: number): Float32Array;
  keepFrom(seconds: number): void;
}

/** The segmentation model on one chunk of `SEGMENTATION.chunkSeconds` samples: its logits and frame count. */
export type Segment = (chunk: Float32Array) => Promise<{ readonly logits: Float32Array; readonly frames: number }>;

/** A chunk's samples from `at`, zero-padded to the model's chunk length at the end of the media. */
function chunkAt(samples: StreamedSamples, at: number): Float32Array {
  const chunk = new Float32Array(SEGMENTATION.chunkSeconds * SAMPLE_RATE);
  const end = Math.min(samples.seconds, at + SEGMENTATION.chunkSeconds);
  chunk.set(samples.subarray(Math.round(at * SAMPLE_RATE), Math.round(end * SAMPLE_RATE)));
  return chunk;
}

/**
 * The model over the media in overlapping chunks as the samples come: each chunk's stretches of
 * one speaker alone (in the part of it no other chunk reads better) go to the detector, whose voice
 * prints then say which of them are the same speaker across the whole media. Only one chunk of
 * samples is kept at a time. Returns how many chunks were read.
 */
export async function segmentLoop(samples: StreamedSamples, segment: Segment, detector: SpeakerDetector, progress: (seconds: number) => void): Promise<number> {
  const { chunkSeconds, stepSeconds } = SEGMENTATION;
  let chunks = 0;
  for (let at = 0; ; at += stepSeconds) {
    while (!samples.ended && samples.seconds < at + chunkSeconds) await samples.more();
    if (chunks > 0 && samples.seconds <= at) break;
    const last = samples.ended && at + chunkSeconds >= samples.seconds;
    const { logits, frames } = await segment(chunkAt(samples, at));
    const [from, to] = chunkPart(at, chunks === 0, last);
    for (const run of localRuns(framesSpeaking(logits, frames), at, chunkSeconds / frames, from, Math.min(to, samples.seconds))) {
      detector.add(samples.subarray(Math.round(run.start * SAMPLE_RATE), Math.round(run.end * SAMPLE_RATE)), run.start);
    }
    chunks++;
    progress(Math.min(to, samples.seconds));
    if (last) break;
    samples.keepFrom(at + stepSeconds);
  }
  return chunks;
}
