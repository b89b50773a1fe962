import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('uses decimal units like the hub', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(45_209_522)).toBe('45.2 MB');
    expect(formatBytes(1_073_741_824)).toBe('1.07 GB');
    expect(formatBytes(150_000_000)).toBe('150 MB');
  });

  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
