import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED_FLOOR, SpeedFloor } from './speed-floor.ts';

/** Feeds `bytesPerSecond` in ten pieces a second from `from` to `to` (ms); the first time it was too slow, or null. */
function feed(floor: SpeedFloor, bytesPerSecond: number, from: number, to: number): number | null {
  for (let t = from; t < to; t += 100) if (floor.tooSlow(bytesPerSecond / 10, t)) return t;
  return null;
}

describe('SpeedFloor', () => {
  it('lets a steady connection run, however long', () => {
    expect(feed(new SpeedFloor(DEFAULT_SPEED_FLOOR, 0), 3_000_000, 0, 120_000)).toBeNull();
  });

  it('drops a connection that trickles after a fast start, one window after it slowed', () => {
    const floor = new SpeedFloor(DEFAULT_SPEED_FLOOR, 0);
    expect(feed(floor, 3_000_000, 0, 4000)).toBeNull();
    const dropped = feed(floor, 1, 4000, 60_000);
    expect(dropped).not.toBeNull();
    expect(dropped!).toBeGreaterThanOrEqual(20_000);
    expect(dropped!).toBeLessThanOrEqual(4000 + 22_000);
  });

  it('drops one that never got going, under the absolute floor', () => {
    expect(feed(new SpeedFloor(DEFAULT_SPEED_FLOOR, 0), 8 * 1024, 0, 30_000)).not.toBeNull();
  });

  it('never judges before a whole window has passed', () => {
    expect(feed(new SpeedFloor(DEFAULT_SPEED_FLOOR, 0), 1, 0, 19_900)).toBeNull();
  });
});
