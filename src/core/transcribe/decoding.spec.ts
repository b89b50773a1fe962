import { describe, expect, it } from 'vitest';
import { beamStep, bestBeam, logSoftmax, sampleToken, topK, type Beam } from './beam-search.ts';
import { decodeWithFallback, isNoSpeech, needsFallback, type DecodeAttempt } from './decode-quality.ts';
import { dynamicTimeWarping, tokenStarts } from './token-alignment.ts';
import { tokensToWords } from './words.ts';
import { seededRandom } from '../util/seeded-random.ts';

const row = (...p: number[]): Float32Array => Float32Array.from(p, Math.log);
const EOT = 9;

describe('beam search bookkeeping', () => {
  it('turns logits into log-probabilities, sharper or flatter with temperature', () => {
    const lp = logSoftmax(Float32Array.of(1, 2, 3));
    expect(lp.reduce((s, v) => s + Math.exp(v), 0)).toBeCloseTo(1, 6);
    expect(Math.exp(logSoftmax(Float32Array.of(1, 2, 3), 10)[2])).toBeLessThan(Math.exp(lp[2]));
  });
  it('finds the best tokens in order, skipping suppressed ones', () => {
    expect(topK(Float32Array.of(0.1, 5, -Infinity, 3, 4), 3)).toEqual([1, 4, 3]);
  });
  it('keeps the best continuations across beams and tells where each came from', () => {
    const beams: Beam[] = [{ tokens: [1], logProb: Math.log(0.6) }, { tokens: [2], logProb: Math.log(0.4) }];
    const rows = [row(0.5, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0, 0, 0), row(0, 0, 0, 0, 0, 0, 0, 0, 0.05, 0.95)];
    const step = beamStep(beams, rows.map((r) => r.map((v) => (Number.isFinite(v) ? v : -Infinity))), 2, EOT);
    expect(step.alive.map((b) => [b.tokens, b.source])).toEqual([[[1, 0], 0], [[1, 1], 0]]);
    expect(step.finished.map((b) => b.tokens)).toEqual([[2, EOT]]);
  });
  it('starts from one beam when all beams are the same', () => {
    const beams: Beam[] = [{ tokens: [], logProb: 0 }, { tokens: [], logProb: 0 }];
    const step = beamStep(beams, [row(0.7, 0.3), row(0.7, 0.3)], 2, EOT, true);
    expect(step.alive.map((b) => b.tokens)).toEqual([[0], [1]]);
  });
  it('ranks finished hypotheses by log-probability per token', () => {
    expect(bestBeam([{ tokens: [1, 2, 3, 4], logProb: -2 }, { tokens: [1], logProb: -1 }])?.tokens).toEqual([1, 2, 3, 4]);
    expect(bestBeam([])).toBeUndefined();
  });
  it('samples in proportion to probability', () => {
    const lp = row(0.25, 0.75);
    expect(sampleToken(lp, 0.1)).toBe(0);
    expect(sampleToken(lp, 0.5)).toBe(1);
    expect(sampleToken(lp, 0.9999999)).toBe(1);
  });
  it('samples the same way every time from the same seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

const attempt = (temperature: number, avgLogProb: number, compressionRatio: number, shortLoop = true): DecodeAttempt<number> => ({ result: temperature, temperature, avgLogProb, compressionRatio, shortLoop });

describe('temperature fallback', () => {
  it('falls back on a looping or unsure text', () => {
    expect(needsFallback(attempt(0, -0.3, 1.5))).toBe(false);
    expect(needsFallback(attempt(0, -0.3, 3))).toBe(true);
    expect(needsFallback(attempt(0, -1.4, 1.5))).toBe(true);
  });
  it('takes a confident text that repeats whole sentences as heard, not as a loop', () => {
    expect(needsFallback(attempt(0, -0.2, 3, false))).toBe(false);
    expect(needsFallback(attempt(0, -0.2, 3, true))).toBe(true);
    expect(needsFallback(attempt(0, -0.7, 3, false))).toBe(true);
  });
  it('decodes at rising temperatures until one passes', async () => {
    const tried: number[] = [];
    const chosen = await decodeWithFallback(async (t) => (tried.push(t), attempt(t, t < 0.4 ? -2 : -0.5, 1.2)));
    expect(tried).toEqual([0, 0.2, 0.4]);
    expect(chosen.temperature).toBe(0.4);
  });
  it('keeps the most likely attempt that did not loop when none passes', async () => {
    const chosen = await decodeWithFallback(async (t) => attempt(t, t === 0.6 ? -1.1 : t === 0.8 ? -1.05 : -3, t === 0.8 ? 5 : 1.5));
    expect(chosen.temperature).toBe(0.6);
  });
  it('stops at a window the model finds silent, and calls it no speech', async () => {
    const tried: number[] = [];
    const chosen = await decodeWithFallback(async (t) => (tried.push(t), attempt(t, -1.5, 1)), (a) => isNoSpeech(0.9, a));
    expect(tried).toEqual([0]);
    expect(isNoSpeech(0.9, chosen)).toBe(true);
    expect(isNoSpeech(0.9, attempt(0, -0.2, 1))).toBe(false);
  });
});

describe('word timing from cross-attention', () => {
  it('aligns along the cheapest monotonic path', () => {
    const cost = Float32Array.of(0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0);
    expect(dynamicTimeWarping(cost, 3, 4)).toEqual({ token: [0, 1, 1, 2], frame: [0, 1, 2, 3] });
  });
  it('gives each token the time where attention on it begins', () => {
    const tokens = 4;
    const frames = 100;
    const data = new Float32Array(tokens * frames);
    const spans = [[0, 100], [0, 30], [30, 60], [60, 100]];
    spans.forEach(([a, b], t) => { for (let f = a; f < b; f++) data[t * frames + f] = 1; });
    const starts = tokenStarts([{ data, tokens, frames }], 1);
    expect(starts).toHaveLength(3);
    expect(starts[0]).toBeCloseTo(0, 1);
    expect(starts[1]).toBeCloseTo(0.6, 1);
    expect(starts[2]).toBeCloseTo(1.2, 1);
  });
});

describe('tokens into words', () => {
  const text: Record<number, string> = { 1: ' And', 2: ' so', 3: ' Amer', 4: 'icans', 5: '.' };
  const decode = (ids: readonly number[]): string => ids.map((id) => text[id]).join('');
  it('joins word pieces and punctuation to their word, each word ending where the next begins', () => {
    const words = tokensToWords([1, 2, 3, 4, 5].map((id, i) => ({ id, start: i * 0.5 })), 3, decode);
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([[' And', 0, 0.5], [' so', 0.5, 1], [' Americans.', 1, 3]]);
  });
});
