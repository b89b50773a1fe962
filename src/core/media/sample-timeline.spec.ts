import { describe, expect, it } from 'vitest';
import { placePiece, START, type Placement, type TimedPiece, type Timeline } from './sample-timeline.ts';

const piece = (timestamp: number, frames = 1024, sampleRate = 48_000): TimedPiece => ({ timestamp, frames, sampleRate });

/** Places pieces in turn; the placements. */
function placeAll(pieces: readonly TimedPiece[]): Placement[] {
  let timeline: Timeline = START;
  return pieces.map((p) => {
    const placed = placePiece(timeline, p);
    timeline = placed.timeline;
    return placed;
  });
}

describe('placePiece', () => {
  it('drops priming that lies wholly before 0 and trims a piece that straddles it', () => {
    const [whole, straddling, next] = placeAll([piece(-1024 / 48_000), piece(-512 / 48_000), piece(512 / 48_000)]);
    expect(whole.skip).toBe(1024);
    expect(straddling.skip).toBe(512);
    expect(next).toMatchObject({ skip: 0, silence: 0, jump: null });
  });

  it('trims pieces whose timestamps go backwards', () => {
    const [, back, behind] = placeAll([piece(0, 4800), piece(0.05, 4800), piece(0.01, 480)]);
    expect(back.skip).toBe(2400);
    expect(behind.skip).toBe(480);
  });

  it('fills a short gap with silence at the piece rate', () => {
    const [, after] = placeAll([piece(0, 48_000), piece(3, 480)]);
    expect(after.silence).toBe(2 * 48_000);
    expect(after.jump).toBeNull();
  });

  it('cuts a jump over 30 s instead of filling it, and counts it against the transcript timeline', () => {
    const [, jumped, later] = placeAll([piece(0, 48_000), piece(7201, 48_000), piece(7202, 48_000)]);
    expect(jumped).toMatchObject({ silence: 0, skip: 0, jump: { at: 1, seconds: 7200 } });
    expect(later.timeline).toEqual({ position: 7203, jumped: 7200 });
    expect(later.silence).toBe(0);
  });
});
