import { describe, expect, it } from 'vitest';
import { shouldEmit } from './progress.ts';

describe('download progress', () => {
  it('throttles to ~10 a second but always reports edges', () => {
    expect(shouldEmit(null, 0, false)).toBe(true);
    expect(shouldEmit(0, 50, false)).toBe(false);
    expect(shouldEmit(0, 50, true)).toBe(true);
    expect(shouldEmit(0, 100, false)).toBe(true);
  });
});
