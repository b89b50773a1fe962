import { cuesIn } from './cue-span.ts';
import type { Cue } from './cue.ts';
import type { MediaSpan } from '../media/media-span.ts';

/** One cue of a new take, and the stretch of the media it answers for: the old cues there give way to it. */
export interface TakePiece {
  readonly from: number;
  readonly to: number;
  readonly cue: Cue;
}

/** A new take cut into pieces, one a cue, split halfway between neighbouring cues, together covering the span. */
export function takePieces(span: MediaSpan, cues: readonly Cue[]): readonly TakePiece[] {
  const bounds = [span.from, ...cues.slice(1).map((c, i) => (cues[i].end + c.start) / 2), span.to];
  return Object.freeze(cues.map((cue, i) => Object.freeze({ from: bounds[i], to: bounds[i + 1], cue })));
}

/** The cues a piece replaces: those of the span whose middle falls in the piece (so each old cue belongs to one piece). */
export function cuesOfPiece(cues: readonly Cue[], span: MediaSpan, piece: TakePiece): { readonly index: number; readonly count: number } {
  const { index, count } = cuesIn(cues, span);
  const last = piece.to >= span.to;
  const mine = (c: Cue): boolean => {
    const middle = (c.start + c.end) / 2;
    return middle >= piece.from && (last ? middle <= span.to + 0.01 : middle < piece.to);
  };
  const inSpan = cues.slice(index, index + count);
  const first = inSpan.findIndex(mine);
  if (first < 0) return { index: index + inSpan.filter((c) => (c.start + c.end) / 2 < piece.from).length, count: 0 };
  return { index: index + first, count: inSpan.slice(first).filter(mine).length };
}

/** Whether a piece is in the transcript already (accepted, and not undone since). */
export const pieceTaken = (cues: readonly Cue[], piece: TakePiece): boolean =>
  cues.some((c) => c.start === piece.cue.start && c.end === piece.cue.end && c.text === piece.cue.text);
