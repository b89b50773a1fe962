import { describe, expect, it } from 'vitest';
import { CHUNK_SECONDS, mayReadOn, READ_AHEAD_SECONDS, VAD_STEP_SECONDS } from '../media/stream-limits.ts';
import { seededRandom } from '../util/seeded-random.ts';
import { DEFAULT_VAD, type Span } from './speech-regions.ts';
import type { SpeechWindow } from './speech-windows.ts';
import { readAheadCovers, settledWindows } from './stream-windows.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

const FRAME = DEFAULT_VAD.frameSamples / SAMPLE_RATE;

/** Speech probabilities of dialogue: lines of 0.5–3 s with 8–25 s of silence between them. */
function sparseDialogue(seconds: number, seed: number): { probs: Float32Array; lines: Span[] } {
  const random = seededRandom(seed);
  const probs = new Float32Array(Math.round(seconds / FRAME)).fill(0.03);
  const lines: Span[] = [];
  for (let at = 8 + 17 * random(); ; ) {
    const line = { start: at, end: at + 0.5 + 2.5 * random() };
    if (line.end >= seconds - 1) break;
    lines.push(line);
    for (let i = Math.round(line.start / FRAME); i < Math.round(line.end / FRAME); i++) probs[i] = 0.9;
    at = line.end + 8 + 17 * random();
  }
  return { probs, lines };
}

interface Streamed {
  readonly windows: SpeechWindow[];
  /** Where reading and settling both stopped for good (null: the stream ended). */
  readonly stuckAt: number | null;
  /** The most audio ever held ahead of what the transcriber let go. */
  readonly held: number;
}

/**
 * The reader and the transcriber's speech detection as they run in their workers: the reader reads
 * chunk after chunk while `mayReadOn` lets it (its backpressure), Silero takes what came in steps,
 * settled windows are handed out and `keepFrom` goes back to the reader. Whisper is instant here:
 * only the pacing between the two matters.
 */
function streamWithBackpressure(probs: Float32Array): Streamed {
  const total = probs.length * FRAME;
  const stepFrames = Math.floor(VAD_STEP_SECONDS / FRAME);
  const windows: SpeechWindow[] = [];
  let [read, keepFrom, processed, committedEnd, held] = [0, 0, 0, 0, 0];
  for (;;) {
    let moved = false;
    while (read < total && mayReadOn(read, keepFrom)) [read, moved] = [Math.min(total, read + CHUNK_SECONDS), true];
    held = Math.max(held, read - keepFrom);
    const heardFrames = read >= total ? probs.length : Math.floor(read / FRAME);
    const take = Math.min(stepFrames, heardFrames - processed);
    const ended = read >= total && processed + take === probs.length;
    if (take > 0 || ended) {
      processed += take;
      const cut = settledWindows(probs.subarray(0, processed), ended, committedEnd);
      windows.push(...cut.windows);
      [committedEnd, keepFrom, moved] = [cut.committedEnd, cut.keepFrom, true];
    }
    if (ended) return { windows, stuckAt: null, held };
    if (!moved) return { windows, stuckAt: read, held };
  }
}

const covered = (line: Span, windows: readonly SpeechWindow[]): boolean =>
  windows.some((w) => w.pieces.some((p) => p.start <= line.start + 0.05 && p.end >= line.end - 0.05));

describe('sparse dialogue through the reader and the speech windows', () => {
  it('the read-ahead covers the longest a window may stay open', () => {
    expect(readAheadCovers(READ_AHEAD_SECONDS, VAD_STEP_SECONDS, CHUNK_SECONDS)).toBe(true);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`an hour of short lines far apart never stops and every line gets a window (seed ${seed})`, () => {
      const { probs, lines } = sparseDialogue(3600, seed);
      const streamed = streamWithBackpressure(probs);
      expect(streamed.stuckAt).toBeNull();
      expect(lines.filter((line) => !covered(line, streamed.windows))).toEqual([]);
      expect(streamed.windows.every((w) => w.duration <= 30)).toBe(true);
      expect(streamed.held).toBeLessThanOrEqual(READ_AHEAD_SECONDS + CHUNK_SECONDS);
    });
  }
});
