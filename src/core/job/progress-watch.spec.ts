import { describe, expect, it } from 'vitest';
import { moved, startWatch, stillFor } from './progress-watch.ts';

describe('progress watch', () => {
  it('says nothing for the first minute, then how long nothing moved', () => {
    const watch = startWatch(0);
    expect(stillFor(watch, 59_000)).toBeNull();
    expect(stillFor(watch, 61_000)).toBe(61);
  });

  it('a move starts the count again', () => {
    expect(stillFor(moved(startWatch(0), 50_000), 100_000)).toBeNull();
  });

  it('allows three times the longest pause seen, for slow models on slow devices', () => {
    const watch = moved(startWatch(0), 40_000);
    expect(stillFor(watch, 40_000 + 100_000)).toBeNull();
    expect(stillFor(watch, 40_000 + 121_000)).toBe(121);
  });
});
