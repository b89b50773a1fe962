import { describe, expect, it } from 'vitest';
import { contiguousPrefix, legacyRangeBytes, planRanges, rangeBytesFor, trustedWritten } from './byte-ranges.ts';

const MiB = 1024 * 1024;

describe('rangeBytesFor', () => {
  it('sizes ranges so a small model fills every connection and a big one stays at 16–64 MiB', () => {
    const tiny = rangeBytesFor(41 * 1000 * 1000, 6); // whisper-tiny q8
    expect(tiny).toBe(4 * MiB);
    expect(planRanges(30 * 1000 * 1000, tiny).length + planRanges(10 * 1000 * 1000, tiny).length).toBeGreaterThanOrEqual(2 * 6 - 1);
    expect(rangeBytesFor(256 * MiB, 6)).toBe(22 * MiB);
    expect(rangeBytesFor(3000 * MiB, 6)).toBe(64 * MiB);
    expect(rangeBytesFor(1 * MiB, 6)).toBe(2 * MiB);
    expect(rangeBytesFor(41 * 1000 * 1000, 1)).toBe(20 * MiB);
  });
});

describe('planRanges', () => {
  it('tiles the file with ranges of the given length, the last one shorter; an empty file is one empty range', () => {
    expect(planRanges(5 * MiB, 4 * MiB)).toEqual([{ start: 0, end: 4 * MiB }, { start: 4 * MiB, end: 5 * MiB }]);
    expect(planRanges(3 * MiB, 4 * MiB)).toEqual([{ start: 0, end: 3 * MiB }]);
    expect(planRanges(0, 4 * MiB)).toEqual([{ start: 0, end: 0 }]);
    const big = planRanges(1500 * MiB, 64 * MiB);
    expect(big.at(-1)!.end).toBe(1500 * MiB);
    expect(big.every((s, i) => i === 0 || s.start === big[i - 1].end)).toBe(true);
  });

  it('splits the way records from before did, so an interrupted download resumes', () => {
    expect(planRanges(5 * MiB, legacyRangeBytes(5 * MiB))).toEqual([{ start: 0, end: 5 * MiB }]);
    expect(planRanges(30 * MiB, legacyRangeBytes(30 * MiB))).toEqual([{ start: 0, end: 16 * MiB }, { start: 16 * MiB, end: 30 * MiB }]);
    expect(planRanges(192 * MiB, legacyRangeBytes(192 * MiB))).toHaveLength(8);
    expect(legacyRangeBytes(1500 * MiB)).toBe(64 * MiB);
  });
});

describe('contiguousPrefix and trustedWritten', () => {
  const ranges = planRanges(40 * MiB, 16 * MiB); // 16, 16, 8
  it('hashable prefix stops at the first gap', () => {
    expect(contiguousPrefix(ranges, [16 * MiB, 3, 8 * MiB])).toBe(16 * MiB + 3);
    expect(contiguousPrefix(ranges, [5, 16 * MiB, 0])).toBe(5);
    expect(contiguousPrefix(ranges, [16 * MiB, 16 * MiB, 8 * MiB])).toBe(40 * MiB);
  });

  it('never trusts a record past the end of the file, and reads a file without one as contiguous', () => {
    expect(trustedWritten(ranges, [16 * MiB, 2 * MiB, 1 * MiB], 18 * MiB)).toEqual([16 * MiB, 2 * MiB, 0]);
    expect(trustedWritten(ranges, undefined, 20 * MiB)).toEqual([16 * MiB, 4 * MiB, 0]);
  });
});
