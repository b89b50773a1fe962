import { DEFAULT_VAD, speechRegions, type Span, type VadOptions } from './speech-regions.ts';
import { packWindows, speechPieces, type SpeechWindow } from './speech-windows.ts';
import { SAMPLE_RATE } from './windows.ts';

/**
 * Windows of a stream being read, handed out only once more audio could not change them. Speech
 * probabilities so far give regions and pieces as for a whole file; a window is settled when a
 * later window exists (nothing more fits in it) and its speech ended well before the audio heard.
 */
export interface SettledWindows {
  readonly windows: readonly SpeechWindow[];
  /** Where the settled speech ends: later pieces start here at the earliest. */
  readonly committedEnd: number;
  /** The earliest audio time the next windows can still need. */
  readonly keepFrom: number;
}

/** A region's end may still move (padding, hysteresis, a merge) until this much audio follows it. */
export const SETTLE_SECONDS = 3;
/**
 * Sparse speech (a word now and then) could keep one window open for many minutes: it is closed
 * once it began this long before the audio heard, so the audio kept stays bounded.
 */
export const MAX_OPEN_SECONDS = 120;

const startsAfter = (committedEnd: number) => (piece: Span): Span[] =>
  piece.end - Math.max(piece.start, committedEnd) > 0.05 ? [Object.freeze({ start: Math.max(piece.start, committedEnd), end: piece.end })] : [];

function isSettled(speech: SpeechWindow, next: SpeechWindow | undefined, heard: number): boolean {
  const first = speech.pieces[0].start;
  const last = speech.pieces.at(-1)!.end;
  if (last > heard - SETTLE_SECONDS) return false;
  return next !== undefined || heard - first > MAX_OPEN_SECONDS;
}

/** The windows that are settled, in order, after `committedEnd`; all of them once the stream `ended`. */
export function settledWindows(probs: ArrayLike<number>, ended: boolean, committedEnd: number, options: VadOptions = DEFAULT_VAD): SettledWindows {
  const heard = (probs.length * options.frameSamples) / SAMPLE_RATE;
  const regions = speechRegions(probs, heard, options);
  const pieces = speechPieces(regions, probs, options.frameSamples).flatMap(startsAfter(committedEnd));
  const windows = packWindows(pieces);
  let count = 0;
  while (count < windows.length && (ended || isSettled(windows[count], windows[count + 1], heard))) count++;
  const settled = windows.slice(0, count);
  const end = settled.at(-1)?.pieces.at(-1)?.end ?? committedEnd;
  const open = windows[count]?.pieces[0].start ?? Infinity;
  return Object.freeze({ windows: Object.freeze(settled), committedEnd: end, keepFrom: Math.max(end, Math.min(open, heard - SETTLE_SECONDS - 1)) });
}
