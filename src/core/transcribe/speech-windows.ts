import type { Span } from './speech-regions.ts';
import { SAMPLE_RATE, WINDOW_SECONDS } from './windows.ts';

/**
 * What Whisper hears at once: pieces of speech from the original audio, joined without the
 * silence between them, at most 30 s in all. Times inside it map back through its pieces.
 */
export interface SpeechWindow {
  readonly pieces: readonly Span[];
  readonly duration: number;
}

const length = (s: Span): number => s.end - s.start;

/** The quietest frame's time in [from, to): where a region too long for one window is cut. */
function quietestPoint(probs: ArrayLike<number>, frameSeconds: number, from: number, to: number): number {
  let best = Math.floor(to / frameSeconds) - 1;
  for (let i = Math.ceil(from / frameSeconds); i < Math.floor(to / frameSeconds); i++) if (probs[i] < probs[best]) best = i;
  return Math.max(from, (best + 0.5) * frameSeconds);
}

/** A region longer than a window, cut at its quietest moment in the second half of each window. */
function splitLong(region: Span, probs: ArrayLike<number>, frameSeconds: number, max: number): Span[] {
  const parts: Span[] = [];
  let start = region.start;
  while (region.end - start > max) {
    const cut = quietestPoint(probs, frameSeconds, start + max / 2, start + max);
    parts.push(Object.freeze({ start, end: cut }));
    start = cut;
  }
  parts.push(Object.freeze({ start, end: region.end }));
  return parts;
}

/** Speech regions packed, in order, into windows of at most `max` seconds of speech. */
export function speechWindows(regions: readonly Span[], probs: ArrayLike<number>, frameSamples: number, max = WINDOW_SECONDS): SpeechWindow[] {
  const pieces = regions.flatMap((r) => splitLong(r, probs, frameSamples / SAMPLE_RATE, max));
  const windows: Span[][] = [];
  let total = Infinity;
  for (const piece of pieces) {
    if (total + length(piece) > max) {
      windows.push([]);
      total = 0;
    }
    windows.at(-1)!.push(piece);
    total += length(piece);
  }
  return windows.map((p) => Object.freeze({ pieces: Object.freeze(p), duration: p.reduce((sum, s) => sum + length(s), 0) }));
}

/** A window's samples: its pieces of the original audio, back to back. */
export function windowSamples(audio: Float32Array, speech: SpeechWindow): Float32Array {
  const parts = speech.pieces.map((p) => audio.subarray(Math.round(p.start * SAMPLE_RATE), Math.round(p.end * SAMPLE_RATE)));
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A time inside a window, on the original timeline. A time exactly at a join belongs to the
 * piece before it when it ends something (`edge: 'end'`), to the piece after it when it starts something.
 */
export function toOriginalTime(speech: SpeechWindow, t: number, edge: 'start' | 'end'): number {
  let offset = 0;
  for (const piece of speech.pieces) {
    const inside = edge === 'end' ? t <= offset + length(piece) : t < offset + length(piece);
    if (inside) return piece.start + Math.max(0, t - offset);
    offset += length(piece);
  }
  const last = speech.pieces.at(-1);
  return last ? last.end : 0;
}

/** A word's span on the original timeline: it ends, at the latest, where the piece it starts in ends. */
export function toOriginalSpan(speech: SpeechWindow, start: number, end: number): Span {
  const from = toOriginalTime(speech, start, 'start');
  const piece = speech.pieces.find((p) => from >= p.start && from < p.end) ?? speech.pieces.at(-1);
  const to = Math.max(from, toOriginalTime(speech, end, 'end'));
  return Object.freeze({ start: from, end: piece ? Math.min(piece.end, to) : to });
}

/** What is left of a window after `from` seconds of it (pieces after that point, the one it falls in cut), or null. */
export function remainder(speech: SpeechWindow, from: number): SpeechWindow | null {
  const pieces: Span[] = [];
  let offset = 0;
  for (const piece of speech.pieces) {
    const start = Math.max(piece.start, piece.start + (from - offset));
    if (start < piece.end) pieces.push(Object.freeze({ start, end: piece.end }));
    offset += length(piece);
  }
  return pieces.length === 0 ? null : Object.freeze({ pieces: Object.freeze(pieces), duration: pieces.reduce((sum, p) => sum + length(p), 0) });
}

/** The end, in window time, of the piece that window time `t` falls in. */
export function pieceEndAt(speech: SpeechWindow, t: number): number {
  let offset = 0;
  for (const piece of speech.pieces) {
    offset += length(piece);
    if (t < offset) return offset;
  }
  return offset;
}
