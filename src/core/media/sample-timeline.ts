/**
 * Where each decoded piece of a track lands on the timeline the transcript uses. Real files are
 * not tidy: AAC starts with priming samples before time 0 (some pieces wholly before it), a
 * damaged file's timestamps go backwards or jump by hours. Overlaps are trimmed, short gaps are
 * filled with silence, and a jump too long to be a gap is a cut: nothing is allocated for it.
 */
export interface Timeline {
  /** Media time (s) up to which audio was placed. */
  readonly position: number;
  /** Seconds of media time left out at jumps: transcript time = media time − jumped. */
  readonly jumped: number;
}

/** A decoded piece of audio as the demuxer timed it. */
export interface TimedPiece {
  readonly timestamp: number;
  readonly frames: number;
  readonly sampleRate: number;
}

export interface Placement {
  readonly timeline: Timeline;
  /** Frames at the piece's start that lie before what was placed already (all of them: drop it). */
  readonly skip: number;
  /** Frames of silence (at the piece's rate) before it. */
  readonly silence: number;
  /** A jump left out before it: where on the transcript's timeline, and how long. */
  readonly jump: { readonly at: number; readonly seconds: number } | null;
}

export const START: Timeline = Object.freeze({ position: 0, jumped: 0 });
/** Gaps up to this are rounding or a real pause, filled with nothing below it. */
const GAP_SECONDS = 0.02;
/** A longer jump in timestamps is damage or a cut, not silence to be held in memory. */
export const MAX_GAP_SECONDS = 30;

/** What the panel says about a jump left out of the timeline. */
export function jumpNote(at: string, seconds: string): string {
  return `The timestamps jump by ${seconds} at ${at}: that stretch is left out, so later times in the transcript are earlier by that much.`;
}

export function placePiece(timeline: Timeline, piece: TimedPiece): Placement {
  const end = piece.timestamp + piece.frames / piece.sampleRate;
  const ahead = piece.timestamp - timeline.position;
  if (ahead > MAX_GAP_SECONDS) {
    const next = Object.freeze({ position: end, jumped: timeline.jumped + ahead });
    return Object.freeze({ timeline: next, skip: 0, silence: 0, jump: Object.freeze({ at: timeline.position - timeline.jumped, seconds: ahead }) });
  }
  const silence = ahead > GAP_SECONDS ? Math.round(ahead * piece.sampleRate) : 0;
  const skip = Math.min(piece.frames, Math.max(0, Math.round(-ahead * piece.sampleRate)));
  const next = Object.freeze({ position: Math.max(timeline.position, end), jumped: timeline.jumped });
  return Object.freeze({ timeline: next, skip, silence, jump: null });
}
