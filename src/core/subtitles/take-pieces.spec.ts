import { describe, expect, it } from 'vitest';
import { cue } from './cue.ts';
import { cuesOfPiece, pieceTaken, takePieces } from './take-pieces.ts';

// The transcript: the span 2–10 holds b, c, d; a and e lie outside it.
const cues = [cue(0, 2, 'a'), cue(2, 4, 'b'), cue(4.5, 7, 'c'), cue(7.5, 10, 'd'), cue(10, 12, 'e')];
const span = { from: 2, to: 10 };
// The new take: two cues where there were three.
const take = [cue(2, 5, 'B C'), cue(6, 10, 'C D')];

describe('a new take, a cue at a time', () => {
  it('cuts the span halfway between the new cues', () => {
    expect(takePieces(span, take).map((p) => [p.from, p.to, p.cue.text])).toEqual([[2, 5.5, 'B C'], [5.5, 10, 'C D']]);
  });

  it('gives each old cue of the span to the piece that holds its middle, and none outside the span', () => {
    const [first, second] = takePieces(span, take);
    expect(cuesOfPiece(cues, span, first)).toEqual({ index: 1, count: 1 }); // b (middle 3)
    expect(cuesOfPiece(cues, span, second)).toEqual({ index: 2, count: 2 }); // c (5.75) and d (8.75)
  });

  it('accepting one piece leaves the other pieces their own cues', () => {
    const [first, second] = takePieces(span, take);
    const after = [cues[0], first.cue, ...cues.slice(2)];
    expect(pieceTaken(after, first)).toBe(true);
    expect(pieceTaken(after, second)).toBe(false);
    expect(cuesOfPiece(after, span, second)).toEqual({ index: 2, count: 2 });
    expect(cuesOfPiece(after, span, first)).toEqual({ index: 1, count: 1 });
  });

  it('a piece over silence the old take had no cue for goes in time order', () => {
    const quiet = [cue(0, 2, 'a'), cue(8, 10, 'd')];
    const [first] = takePieces(span, take);
    expect(cuesOfPiece(quiet, span, first)).toEqual({ index: 1, count: 0 });
  });
});
