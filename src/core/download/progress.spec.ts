import { describe, expect, it } from 'vitest';
import { addSample, bytesPerSecond, etaSeconds, shouldEmit, type Sample } from './progress.ts';

describe('progress math', () => {
  it('measures speed over a sliding window and never mutates the history', () => {
    let samples: readonly Sample[] = [];
    samples = addSample(samples, { at: 0, bytes: 0 });
    expect(bytesPerSecond(samples)).toBe(0);
    const before = samples;
    samples = addSample(samples, { at: 1000, bytes: 5_000_000 });
    expect(before).toHaveLength(1);
    expect(bytesPerSecond(samples)).toBe(5_000_000);
    samples = addSample(samples, { at: 5000, bytes: 9_000_000 }, 3000);
    expect(samples).toHaveLength(1);
  });

  it('estimates time left only once the speed is known', () => {
    expect(etaSeconds(10_000_000, 0)).toBeNull();
    expect(etaSeconds(10_000_000, 5_000_000)).toBe(2);
    expect(etaSeconds(0, 0)).toBe(0);
  });

  it('throttles to ~10 a second but always reports edges', () => {
    expect(shouldEmit(null, 0, false)).toBe(true);
    expect(shouldEmit(0, 50, false)).toBe(false);
    expect(shouldEmit(0, 50, true)).toBe(true);
    expect(shouldEmit(0, 100, false)).toBe(true);
  });
});
