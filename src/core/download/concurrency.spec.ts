import { describe, expect, it } from 'vitest';
import { backOff, observeBytes, startConcurrency, type Concurrency } from './concurrency.ts';

/** Feed `windows` windows in which each connection moves `perConnection` bytes/ms, capped by `line`. */
function simulate(c: Concurrency, windows: number, perConnection: number, line: number): Concurrency {
  let state = c;
  let now = state.windowStart;
  for (let w = 0; w < windows; w++) {
    now += 750;
    state = observeBytes(state, now, Math.min(line, perConnection * state.limit) * 750);
  }
  return state;
}

describe('concurrency', () => {
  it('starts at 2 and grows to 6 while each connection adds throughput (a per-connection cap)', () => {
    expect(startConcurrency(0).limit).toBe(2);
    expect(simulate(startConcurrency(0), 10, 8000, Infinity).limit).toBe(6);
  });

  it('stops growing at the plateau of a saturated line', () => {
    expect(simulate(startConcurrency(0), 10, 100_000, 150_000).limit).toBeLessThanOrEqual(3);
  });

  it('backs off on a rate limit or stall and holds before growing again', () => {
    const grown = simulate(startConcurrency(0), 10, 8000, Infinity);
    const backed = backOff(grown, grown.windowStart);
    expect(backed.limit).toBe(5);
    expect(simulate(backed, 3, 8000, Infinity).limit).toBe(5);
    expect(backOff(backOff(startConcurrency(0), 0), 0).limit).toBe(1);
  });
});

describe('isUpdateCheckDue', () => {
  it('checks at most once a day, and only online', async () => {
    const { isUpdateCheckDue } = await import('./update-schedule.ts');
    const day = 24 * 60 * 60 * 1000;
    expect(isUpdateCheckDue(null, 1000, true)).toBe(true);
    expect(isUpdateCheckDue(null, 1000, false)).toBe(false);
    expect(isUpdateCheckDue(5000, 5000 + day - 1, true)).toBe(false);
    expect(isUpdateCheckDue(5000, 5000 + day, true)).toBe(true);
    expect(isUpdateCheckDue(5000, 4000, true)).toBe(true); // a clock set back
  });
});
