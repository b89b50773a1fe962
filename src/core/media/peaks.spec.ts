import { describe, expect, it } from 'vitest';
import { PeakBuilder, peakLevels } from './peaks.ts';

describe('PeakBuilder', () => {
  it('keeps the loudest sample of each 20 ms, across the pieces the samples come in', () => {
    const peaks = new PeakBuilder(16_000);
    const second = new Float32Array(16_000);
    second[10] = -0.5; // bucket 0
    second[320 + 5] = 1; // bucket 1
    peaks.add(second.subarray(0, 300));
    peaks.add(second.subarray(300));
    const first = peaks.take();
    expect(first.length).toBe(50);
    expect([first[0], first[1], first[2]]).toEqual([128, 255, 0]);
    peaks.add(new Float32Array(100).fill(0.25)); // a partial bucket, closed at the end
    expect(peaks.take().length).toBe(0);
    peaks.end();
    expect([...peaks.take()]).toEqual([64]);
  });

  it('grows past its first buffer and gives levels from 0 to 1', () => {
    const peaks = new PeakBuilder(16_000);
    peaks.add(new Float32Array(16_000 * 60).fill(0.1));
    expect(peaks.take().length).toBe(3000);
    expect(peakLevels(Uint8Array.from([0, 255]))).toEqual(Float32Array.from([0, 1]));
  });
});
