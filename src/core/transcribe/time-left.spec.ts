import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left.ts';

describe('timeLeft', () => {
  it('goes on at the speed so far', () => {
    expect(timeLeft(60, 600, 3600)).toBe(300);
  });
  it('says nothing before enough is done', () => {
    expect(timeLeft(5, 10, 3600)).toBeNull();
  });
  it('is never negative when the media ran longer than its header said', () => {
    expect(timeLeft(60, 3700, 3600)).toBe(0);
  });
});
