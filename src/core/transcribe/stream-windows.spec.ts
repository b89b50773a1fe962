import { describe, expect, it } from 'vitest';
import { DEFAULT_VAD, speechRegions } from './speech-regions.ts';
import { speechWindows, type SpeechWindow } from './speech-windows.ts';
import { MAX_OPEN_SECONDS, settledWindows } from './stream-windows.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

const FRAME = DEFAULT_VAD.frameSamples / SAMPLE_RATE;

/** Speech probabilities: `speech(t)` says whether second t is speech. */
function probsOf(seconds: number, speech: (t: number) => boolean): Float32Array {
  return Float32Array.from({ length: Math.round(seconds / FRAME) }, (_, i) => (speech(i * FRAME) ? 0.9 : 0.05));
}

/** Settled windows of a stream read `step` seconds at a time, then ended, with the largest audio span kept. */
function streamed(probs: Float32Array, step: number): { windows: SpeechWindow[]; held: number } {
  const windows: SpeechWindow[] = [];
  let [committedEnd, held] = [0, 0];
  const perStep = Math.round(step / FRAME);
  for (let n = perStep; ; n = Math.min(probs.length, n + perStep)) {
    const ended = n === probs.length;
    const cut = settledWindows(probs.subarray(0, n), ended, committedEnd);
    windows.push(...cut.windows);
    committedEnd = cut.committedEnd;
    held = Math.max(held, n * FRAME - cut.keepFrom);
    if (ended) return { windows, held };
  }
}

const whole = (probs: Float32Array): SpeechWindow[] => speechWindows(speechRegions(probs, probs.length * FRAME), probs, DEFAULT_VAD.frameSamples);

describe('settledWindows', () => {
  it('hands out the same windows as the whole file would have, a few seconds at a time', () => {
    const probs = probsOf(600, (t) => t % 47 < 31 || (t > 200 && t < 290));
    const { windows } = streamed(probs, 5);
    expect(windows).toEqual(whole(probs));
    expect(windows.length).toBeGreaterThan(10);
  });

  it('settles windows of continuous speech while it goes on', () => {
    const probs = probsOf(100, () => true);
    const cut = settledWindows(probs, false, 0);
    expect(cut.windows.length).toBeGreaterThanOrEqual(2);
    expect(cut.committedEnd).toBeLessThanOrEqual(100 - 3);
    expect(cut.keepFrom).toBe(cut.committedEnd);
  });

  it('keeps only the last seconds through silence', () => {
    const cut = settledWindows(probsOf(60, () => false), false, 0);
    expect(cut.windows).toEqual([]);
    expect(cut.keepFrom).toBeGreaterThan(55);
  });

  it('closes a window of sparse speech instead of holding minutes of audio for it', () => {
    const { windows, held } = streamed(probsOf(900, (t) => t % 20 < 1), 5);
    expect(held).toBeLessThan(MAX_OPEN_SECONDS + 40);
    expect(windows.every((w) => w.duration <= 30)).toBe(true);
    expect(windows.flatMap((w) => w.pieces).length).toBe(45);
  });

  it('never starts a piece before what was already handed out', () => {
    const probs = probsOf(120, (t) => t % 10 < 6);
    const cut = settledWindows(probs, true, 33);
    expect(cut.windows[0].pieces[0].start).toBeGreaterThanOrEqual(33);
  });
});
