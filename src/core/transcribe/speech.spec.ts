import { describe, expect, it } from 'vitest';
import { speechRegions } from './speech-regions.ts';
import { remainder, speechWindows, toOriginalSpan, toOriginalTime, windowOf, windowSamples } from './speech-windows.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

const FRAME = 512 / SAMPLE_RATE;
/** Frame probabilities: speech (0.9) in the given [from, to) seconds, silence (0.05) elsewhere. */
function probs(seconds: number, speech: [number, number][]): Float32Array {
  return Float32Array.from({ length: Math.ceil(seconds / FRAME) }, (_, i) => (speech.some(([a, b]) => i * FRAME >= a && i * FRAME < b) ? 0.9 : 0.05));
}

describe('speech regions', () => {
  it('finds speech, padded, and nothing in silence', () => {
    const regions = speechRegions(probs(20, [[2, 5], [12, 14]]), 20);
    expect(regions).toHaveLength(2);
    expect(regions[0].start).toBeCloseTo(1.6, 1);
    expect(regions[0].end).toBeCloseTo(5.4, 1);
    expect(regions[1].start).toBeCloseTo(11.6, 1);
    expect(speechRegions(probs(20, []), 20)).toEqual([]);
  });
  it('keeps short pauses inside a region and drops clicks', () => {
    const regions = speechRegions(probs(10, [[1, 3], [3.2, 5], [8, 8.1]]), 10);
    expect(regions).toHaveLength(1);
    expect(regions[0].end).toBeCloseTo(5.4, 1);
  });
  it('starts a region where the speech rose above the exit level, not only where it crossed the threshold', () => {
    const p = probs(10, [[4, 6]]);
    p.fill(0.4, Math.round(3 / FRAME), Math.round(4 / FRAME));
    expect(speechRegions(p, 10)[0].start).toBeCloseTo(2.6, 1);
  });
  it('clamps padding to the audio', () => {
    const [region] = speechRegions(probs(4, [[0, 4]]), 4);
    expect(region.start).toBe(0);
    expect(region.end).toBe(4);
  });
});

describe('speech windows', () => {
  it('packs regions into windows of at most 30 s of speech, skipping the silence between', () => {
    const regions = [0, 1, 2, 3].map((i) => ({ start: i * 60, end: i * 60 + 12 }));
    const windows = speechWindows(regions, probs(240, []), 512);
    expect(windows.map((w) => w.pieces.length)).toEqual([2, 2]);
    expect(windows.every((w) => w.duration <= 30)).toBe(true);
  });
  it('cuts a region longer than a window at its quietest moment in the second half', () => {
    const p = probs(70, [[0, 70]]);
    p[Math.round(22 / FRAME)] = 0.1;
    const windows = speechWindows([{ start: 0, end: 70 }], p, 512);
    expect(windows[0].pieces[0].end).toBeCloseTo(22, 1);
    expect(windows.every((w) => w.duration <= 30)).toBe(true);
    expect(windows.at(-1)!.pieces.at(-1)!.end).toBe(70);
  });
  it('maps times in a window back to the original timeline, joins included', () => {
    const window = speechWindows([{ start: 10, end: 14 }, { start: 50, end: 53 }], probs(60, []), 512)[0];
    expect(window.offsets).toEqual([0, 4.5]);
    expect(window.duration).toBe(7.5);
    expect(toOriginalTime(window, 1, 'start')).toBe(11);
    expect(toOriginalTime(window, 4.2, 'end')).toBe(14);
    expect(toOriginalTime(window, 4.2, 'start')).toBe(50);
    expect(toOriginalTime(window, 7, 'start')).toBe(52.5);
    expect(toOriginalTime(window, 99, 'end')).toBe(53);
    expect(toOriginalSpan(window, 3.5, 6)).toEqual({ start: 13.5, end: 14 });
  });
  it('keeps what is left of a window after a point', () => {
    const window = speechWindows([{ start: 10, end: 14 }, { start: 50, end: 53 }], probs(60, []), 512)[0];
    expect(remainder(window, 2)?.pieces).toEqual([{ start: 12, end: 14 }, { start: 50, end: 53 }]);
    expect(remainder(window, 5.5)?.pieces).toEqual([{ start: 51, end: 53 }]);
    expect(remainder(window, 8)).toBeNull();
  });
  it('puts a short silence between pieces that were apart, none between pieces that touch', () => {
    const audio = Float32Array.from({ length: 4 * SAMPLE_RATE }, (_, i) => 1 + Math.floor(i / SAMPLE_RATE));
    const samples = windowSamples(audio, windowOf([{ start: 0, end: 1 }, { start: 3, end: 4 }]));
    expect(samples.length).toBe(2.5 * SAMPLE_RATE);
    expect([samples[0], samples[1.2 * SAMPLE_RATE], samples[1.5 * SAMPLE_RATE]]).toEqual([1, 0, 4]);
    expect(windowOf([{ start: 0, end: 1 }, { start: 1, end: 2 }]).duration).toBe(2);
  });
});
