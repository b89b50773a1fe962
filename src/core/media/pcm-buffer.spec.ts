import { describe, expect, it } from 'vitest';
import { PcmBuffer } from './pcm-buffer.ts';

const ramp = (from: number, n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => from + i);

describe('PcmBuffer', () => {
  it('reads by absolute index after earlier samples are dropped', () => {
    const buffer = new PcmBuffer();
    buffer.append(ramp(0, 100));
    buffer.dropBefore(60);
    buffer.append(ramp(100, 50));
    expect([buffer.start, buffer.end]).toEqual([60, 150]);
    expect([...buffer.subarray(98, 102)]).toEqual([98, 99, 100, 101]);
  });

  it('gives zeros for what it does not hold', () => {
    const buffer = new PcmBuffer();
    buffer.append(ramp(1, 10));
    buffer.dropBefore(5);
    expect([...buffer.subarray(3, 7)]).toEqual([0, 0, 6, 7]);
    expect([...buffer.subarray(9, 12)]).toEqual([10, 0, 0]);
  });

  it('holds no more than what is kept, however much passed through', () => {
    const buffer = new PcmBuffer();
    for (let i = 0; i < 1000; i++) {
      buffer.append(ramp(i * 1000, 1000));
      buffer.dropBefore(buffer.end - 5000);
    }
    expect(buffer.end - buffer.start).toBe(5000);
    expect(buffer.subarray(buffer.end - 1, buffer.end)[0]).toBe(999_999);
  });
});
