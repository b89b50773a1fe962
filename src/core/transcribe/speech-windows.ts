import type { Span } from './speech-regions.ts';
import { WINDOW_SECONDS } from './windows.ts';
import { SAMPLE_RATE } from '../media/samples.ts';
import type { SampleSource } from '../media/samples.ts';

/**
 * What Whisper hears at once: pieces of speech from the original audio, in order, with a short
 * silence between pieces that were apart (speech joined edge to edge confuses the model: it
 * drops or merges sentences), at most 30 s in all. `offsets` say where each piece starts in the
 * window; times inside the window map back through them.
 */
export interface SpeechWindow {
  readonly pieces: readonly Span[];
  readonly offsets: readonly number[];
  readonly duration: number;
}

/** Silence put between two pieces that were apart in the original audio. */
export const JOIN_SECONDS = 0.5;

const length = (s: Span): number => s.end - s.start;

/** A window of these pieces, with `JOIN_SECONDS` of silence where one does not follow straight on from the other. */
export function windowOf(pieces: readonly Span[]): SpeechWindow {
  const offsets: number[] = [];
  let at = 0;
  pieces.forEach((piece, i) => {
    if (i > 0 && piece.start > pieces[i - 1].end) at += JOIN_SECONDS;
    offsets.push(at);
    at += length(piece);
  });
  return Object.freeze({ pieces: Object.freeze([...pieces]), offsets: Object.freeze(offsets), duration: at });
}

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

/** Speech regions as pieces that each fit a window: long ones cut at pauses. */
export function speechPieces(regions: readonly Span[], probs: ArrayLike<number>, frameSamples: number, max = WINDOW_SECONDS): Span[] {
  return regions.flatMap((r) => splitLong(r, probs, frameSamples / SAMPLE_RATE, max));
}

/** Speech regions packed, in order, into windows of at most `max` seconds (joins included). */
export function speechWindows(regions: readonly Span[], probs: ArrayLike<number>, frameSamples: number, max = WINDOW_SECONDS): SpeechWindow[] {
  return packWindows(speechPieces(regions, probs, frameSamples, max), max);
}

/** Pieces packed, in order, into as few windows of at most `max` seconds as they fit. */
export function packWindows(pieces: readonly Span[], max = WINDOW_SECONDS): SpeechWindow[] {
  const groups: Span[][] = [];
  for (const piece of pieces) {
    const group = groups.at(-1);
    if (group && windowOf([...group, piece]).duration <= max) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map(windowOf);
}

/** Samples by absolute index: a whole recording, or the part of a stream still held. */
/** A window's samples: its pieces of the original audio, with silence at the joins. */
export function windowSamples(audio: SampleSource, speech: SpeechWindow): Float32Array {
  const out = new Float32Array(Math.round(speech.duration * SAMPLE_RATE));
  speech.pieces.forEach((p, i) => {
    const part = audio.subarray(Math.round(p.start * SAMPLE_RATE), Math.round(p.end * SAMPLE_RATE));
    const at = Math.round(speech.offsets[i] * SAMPLE_RATE);
    out.set(part.subarray(0, out.length - at), at);
  });
  return out;
}

/** The piece a window time falls in or, inside a join, the piece before (`end`) or after (`start`) it. */
function pieceAt(speech: SpeechWindow, t: number, edge: 'start' | 'end'): number {
  const n = speech.pieces.length;
  for (let i = 0; i < n; i++) {
    const end = speech.offsets[i] + length(speech.pieces[i]);
    if (edge === 'end' ? t <= end : t < end) return i;
    if (i + 1 < n && t < speech.offsets[i + 1]) return edge === 'end' ? i : i + 1;
  }
  return n - 1;
}

/**
 * A time inside a window, on the original timeline. A time exactly at (or in the silence of) a
 * join belongs to the piece before it when it ends something (`edge: 'end'`), to the piece after
 * it when it starts something.
 */
export function toOriginalTime(speech: SpeechWindow, t: number, edge: 'start' | 'end'): number {
  if (speech.pieces.length === 0) return 0;
  const i = pieceAt(speech, t, edge);
  const piece = speech.pieces[i];
  return Math.min(piece.end, Math.max(piece.start, piece.start + (t - speech.offsets[i])));
}

/** A word's span on the original timeline: it ends, at the latest, where the piece it starts in ends. */
export function toOriginalSpan(speech: SpeechWindow, start: number, end: number): Span {
  const i = pieceAt(speech, start, 'start');
  const from = toOriginalTime(speech, start, 'start');
  const to = Math.max(from, toOriginalTime(speech, end, 'end'));
  return Object.freeze({ start: from, end: Math.min(speech.pieces[i]?.end ?? to, to) });
}

/** What is left of a window after `from` seconds of it (pieces after that point, the one it falls in cut), or null. */
export function remainder(speech: SpeechWindow, from: number): SpeechWindow | null {
  const pieces = speech.pieces.flatMap((piece, i) => {
    const start = Math.max(piece.start, piece.start + (from - speech.offsets[i]));
    return start < piece.end ? [Object.freeze({ start, end: piece.end })] : [];
  });
  return pieces.length === 0 ? null : windowOf(pieces);
}

/** The end, in window time, of the piece that window time `t` falls in (or of the join it falls in). */
export function pieceEndAt(speech: SpeechWindow, t: number): number {
  const i = pieceAt(speech, t, 'start');
  return speech.offsets[i] + length(speech.pieces[i]);
}
