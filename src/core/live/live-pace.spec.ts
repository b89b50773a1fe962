import { describe, expect, it } from 'vitest';
import { BEHIND_SECONDS, firstPace, nextPace } from './live-pace.ts';

describe('the live pace', () => {
  it('falls back to Fast first, then to longer steps, and says it is behind', () => {
    const slow = nextPace(firstPace('best'), BEHIND_SECONDS + 1);
    expect(slow).toEqual({ quality: 'fast', stepSeconds: 1, behind: true });
    const slower = nextPace(slow, BEHIND_SECONDS + 1);
    expect(slower).toEqual({ quality: 'fast', stepSeconds: 2, behind: true });
    expect(nextPace(nextPace(nextPace(slower, 9), 9), 9).stepSeconds).toBe(4);
  });

  it('shortens its steps again once caught up, and keeps Fast', () => {
    const behind = nextPace(nextPace(firstPace('best'), 5), 5);
    const caught = nextPace(behind, 0.2);
    expect(caught).toEqual({ quality: 'fast', stepSeconds: 1, behind: false });
  });
});
