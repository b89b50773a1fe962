import { describe, expect, it } from 'vitest';
import { downmix, downmixWeights } from './downmix.ts';

const planes = (channels: number, at: number, value = 1): Float32Array[] =>
  Array.from({ length: channels }, (_, c) => Float32Array.of(c === at ? value : 0, 0.5));

describe('downmix', () => {
  it('averages stereo', () => {
    expect([...downmix([Float32Array.of(1, 0.5), Float32Array.of(0, -0.5)])]).toEqual([0.5, 0]);
  });

  it('keeps mono as it is', () => {
    expect([...downmix([Float32Array.of(0.25, -1)])]).toEqual([0.25, -1]);
  });

  it('keeps 5.1 centre-channel dialogue at full level and drops the LFE', () => {
    expect(downmix(planes(6, 2))[0]).toBeCloseTo(1);
    expect(downmix(planes(6, 3))[0]).toBe(0);
    expect(downmix(planes(6, 4))[0]).toBeCloseTo(Math.SQRT1_2);
  });

  it('keeps 7.1 centre-channel dialogue at full level, surrounds at 1/√2', () => {
    expect(downmix(planes(8, 2))[0]).toBeCloseTo(1);
    expect(downmixWeights(8).filter((w) => Math.abs(w - Math.SQRT1_2) < 1e-9)).toHaveLength(4);
  });

  it('writes into a reused buffer longer than the input', () => {
    const out = new Float32Array(8).fill(9);
    expect([...downmix([Float32Array.of(1, 1), Float32Array.of(0, 1)], out)]).toEqual([0.5, 1]);
  });
});
