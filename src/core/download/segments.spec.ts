import { describe, expect, it } from 'vitest';
import { contiguousPrefix, planSegments, trustedWritten } from './segments.ts';

const MiB = 1024 * 1024;

describe('planSegments', () => {
  it('keeps small files whole and splits big ones into 16–64 MiB segments that tile the file', () => {
    expect(planSegments(5 * MiB)).toEqual([{ start: 0, end: 5 * MiB }]);
    const tiny = planSegments(30 * MiB);
    expect(tiny).toEqual([{ start: 0, end: 16 * MiB }, { start: 16 * MiB, end: 30 * MiB }]);
    const big = planSegments(1500 * MiB);
    expect(big[0].end).toBe(64 * MiB);
    expect(big.at(-1)!.end).toBe(1500 * MiB);
    expect(big.every((s, i) => i === 0 || s.start === big[i - 1].end)).toBe(true);
    expect(planSegments(192 * MiB)).toHaveLength(8);
  });
});

describe('contiguousPrefix and trustedWritten', () => {
  const segments = planSegments(40 * MiB); // 16, 16, 8
  it('hashable prefix stops at the first gap', () => {
    expect(contiguousPrefix(segments, [16 * MiB, 3, 8 * MiB])).toBe(16 * MiB + 3);
    expect(contiguousPrefix(segments, [5, 16 * MiB, 0])).toBe(5);
    expect(contiguousPrefix(segments, [16 * MiB, 16 * MiB, 8 * MiB])).toBe(40 * MiB);
  });

  it('never trusts a record past the end of the file, and reads a file without one as contiguous', () => {
    expect(trustedWritten(segments, [16 * MiB, 2 * MiB, 1 * MiB], 18 * MiB)).toEqual([16 * MiB, 2 * MiB, 0]);
    expect(trustedWritten(segments, undefined, 20 * MiB)).toEqual([16 * MiB, 4 * MiB, 0]);
  });
});
