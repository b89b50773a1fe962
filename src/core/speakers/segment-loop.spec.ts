import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diarizationError } from './diarization-error.ts';
import { segmentLoop, type StreamedSamples } from './segment-loop.ts';
import { SpeakerDetector } from './speaker-detector.ts';
import { SEGMENTATION } from './speaker-segmentation.ts';
import type { SpeakerTurn } from './speaker-turns.ts';

const RATE = 16_000;
const wav = readFileSync(new URL('../../../e2e/fixtures/speakers/three-voices.wav', import.meta.url));
const data = wav.indexOf('data') + 8;
const pcm = new Int16Array(wav.buffer.slice(wav.byteOffset + data, wav.byteOffset + wav.length - ((wav.length - data) % 2)));
const SAMPLES = Float32Array.from(pcm, (s) => s / 32768);
const TRUTH = (JSON.parse(readFileSync(new URL('../../../e2e/fixtures/speakers/three-voices.json', import.meta.url), 'utf8')) as { turns: SpeakerTurn[] }).turns;

/** The samples arriving a second at a time, dropped when the loop lets go of them (reading a dropped sample throws). */
function streamed(): StreamedSamples & { kept: number; maxHeld: number } {
  let [end, kept, maxHeld] = [0, 0, 0];
  return {
    get seconds() { return end / RATE; },
    get ended() { return end >= SAMPLES.length; },
    get kept() { return kept; },
    get maxHeld() { return maxHeld; },
    async more() { end = Math.min(SAMPLES.length, end + RATE); maxHeld = Math.max(maxHeld, end - kept); },
    subarray(a, b) {
      if (a < kept) throw new Error(`sample ${a} was dropped (kept from ${kept})`);
      return SAMPLES.subarray(a, Math.min(b, end));
    },
    keepFrom(seconds) { kept = Math.max(kept, Math.floor(seconds * RATE)); },
  };
}

/** A stand-in for the segmentation model: 589 frames a chunk; local speaker 1 wherever the script has anyone speaking. */
const frames = 589;
const fakeModel = (starts: number[]) => async (chunk: Float32Array) => {
  const at = starts.length * SEGMENTATION.stepSeconds;
  starts.push(at);
  expect(chunk.length).toBe(SEGMENTATION.chunkSeconds * RATE);
  const logits = new Float32Array(frames * 7);
  for (let f = 0; f < frames; f++) {
    const t = at + (f * SEGMENTATION.chunkSeconds) / frames;
    logits[f * 7 + (TRUTH.some((x) => t >= x.start && t < x.end) ? 1 : 0)] = 1;
  }
  return { logits, frames };
};

describe('the segmentation model over streamed samples', () => {
  it('reads the media in overlapping chunks as it comes, holding one chunk, and its stretches cluster into the speakers', async () => {
    const samples = streamed();
    const starts: number[] = [];
    const detector = new SpeakerDetector();
    const seen: number[] = [];
    const chunks = await segmentLoop(samples, fakeModel(starts), detector, (s) => seen.push(s));
    const seconds = SAMPLES.length / RATE;
    expect(chunks).toBe(Math.ceil((seconds - SEGMENTATION.chunkSeconds) / SEGMENTATION.stepSeconds) + 1);
    expect(seen.at(-1)).toBeCloseTo(seconds, 3);
    expect(samples.maxHeld).toBeLessThanOrEqual((SEGMENTATION.chunkSeconds + 1) * RATE);
    const turns = detector.turns(3);
    expect(new Set(turns.map((t) => t.speaker)).size).toBe(3);
    expect(diarizationError(TRUTH, turns).der).toBeLessThan(0.15);
  });
});
