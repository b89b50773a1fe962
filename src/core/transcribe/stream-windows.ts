import { DEFAULT_VAD, speechRegions, type Span, type VadOptions } from './speech-regions.ts';
import { packWindows, speechPieces, windowOf, type SpeechWindow } from './speech-windows.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

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
 * Sparse speech (a line now and then) could keep one window open for many minutes: once it began
 * this long before the audio heard, it is closed with the pieces that are settled, whatever is
 * still being said (that goes to the next window). With the reader's read-ahead this must leave
 * room for SETTLE_SECONDS, one VAD step and one chunk: see `readAheadCovers`.
 */
export const MAX_OPEN_SECONDS = 60;

const startsAfter = (committedEnd: number) => (piece: Span): Span[] =>
  piece.end - Math.max(piece.start, committedEnd) > 0.05 ? [Object.freeze({ start: Math.max(piece.start, committedEnd), end: piece.end })] : [];

/** How many of a window's pieces are settled: all of them, or (an old window) those ended long enough ago; 0 for none. */
function settledPieces(speech: SpeechWindow, next: SpeechWindow | undefined, heard: number): number {
  const ended = speech.pieces.filter((p) => p.end <= heard - SETTLE_SECONDS).length;
  if (ended === speech.pieces.length && next !== undefined) return ended;
  return heard - speech.pieces[0].start > MAX_OPEN_SECONDS ? ended : 0;
}

/**
 * The reader may run `readAheadSeconds` past `keepFrom`; windows settle at the latest once the
 * audio heard is MAX_OPEN_SECONDS + SETTLE_SECONDS past it, heard in VAD steps of `stepSeconds`
 * with chunks of `chunkSeconds`. If the read-ahead does not cover that, a stream can stop for good.
 */
export function readAheadCovers(readAheadSeconds: number, stepSeconds: number, chunkSeconds: number): boolean {
  return readAheadSeconds > MAX_OPEN_SECONDS + SETTLE_SECONDS + stepSeconds + chunkSeconds;
}

/** The windows that are settled, in order, after `committedEnd`; all of them once the stream `ended`. */
export function settledWindows(probs: ArrayLike<number>, ended: boolean, committedEnd: number, options: VadOptions = DEFAULT_VAD): SettledWindows {
  const heard = (probs.length * options.frameSamples) / SAMPLE_RATE;
  const regions = speechRegions(probs, heard, options);
  const pieces = speechPieces(regions, probs, options.frameSamples).flatMap(startsAfter(committedEnd));
  const windows = packWindows(pieces);
  const settled: SpeechWindow[] = [];
  for (let i = 0; i < windows.length; i++) {
    const count = ended ? windows[i].pieces.length : settledPieces(windows[i], windows[i + 1], heard);
    if (count === 0) break;
    settled.push(count === windows[i].pieces.length ? windows[i] : windowOf(windows[i].pieces.slice(0, count)));
    if (count < windows[i].pieces.length) break; // the rest of this window's pieces open the next one
  }
  const end = settled.at(-1)?.pieces.at(-1)?.end ?? committedEnd;
  const open = pieces.find((p) => p.start >= end)?.start ?? Infinity;
  return Object.freeze({ windows: Object.freeze(settled), committedEnd: end, keepFrom: Math.max(end, Math.min(open, heard - SETTLE_SECONDS - 1)) });
}
