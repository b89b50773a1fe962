import { describe, expect, it } from 'vitest';
import { paced, timeLeft, speed, startPace } from './pace.ts';

describe('pace', () => {
  it('averages since the start with an endless window, keeping two samples', () => {
    let pace = startPace(0);
    for (let s = 1; s <= 10; s++) pace = paced(pace, s * 1000, s * 2);
    expect(pace.samples).toHaveLength(2);
    expect(speed(pace)).toBe(2);
    expect(timeLeft(pace, 30)).toBe(5);
  });

  it('tells nothing until enough is done', () => {
    const pace = paced(startPace(0), 10_000, 20);
    expect(speed(pace, { minDone: 30 })).toBeNull();
    expect(timeLeft(pace, 100, { minDone: 30 })).toBeNull();
    expect(timeLeft(paced(pace, 20_000, 40), 100, { minDone: 30 })).toBe(30);
  });

  it('follows the last window only, and decays while nothing comes', () => {
    let pace = startPace(0, 0, 3000);
    pace = paced(pace, 1000, 1000);
    pace = paced(pace, 5000, 9000);
    pace = paced(pace, 6000, 10_000);
    expect(speed(pace)).toBe(1000);
    expect(speed(pace, { sinceMs: 1500 })).toBe(500);
    expect(speed(pace, { sinceMs: 4000 })).toBe(0);
    expect(timeLeft(pace, 20_000, { sinceMs: 4000 })).toBeNull();
  });

  it('counts from where a resumed job began', () => {
    const pace = paced(startPace(0, 500), 2000, 700);
    expect(speed(pace)).toBe(100);
    expect(timeLeft(pace, 700)).toBe(0);
  });
});
