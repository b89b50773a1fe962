import type { Cue, Word } from '../subtitles/cue.ts';
import { wordCues } from '../subtitles/word-cues.ts';
import { fixTiming } from '../subtitles/timing-rules.ts';
import { NO_PROFILE, type Profiler } from './decode-profile.ts';
import { isSilent } from './silence.ts';
import { pieceEndAt, remainder, toOriginalSpan, windowOf, windowSamples, type SpeechWindow } from './speech-windows.ts';
import { WINDOW_SECONDS } from './windows.ts';
import type { SampleSource } from '../media/samples.ts';

/** Words heard in one window (≤ 30 s of 16 kHz mono), timed relative to it; none when it holds no speech. */
/**
 * Words heard in ≤ 30 s of audio, timed from its start. `prefix`: text the audio is known to begin
 * with (a live utterance's committed words), given to the model rather than decoded again; it
 * comes back as the first words. Decoders that cannot take one decode it all.
 */
export type WordDecoder = (samples: Float32Array, prefix?: string) => Promise<readonly Word[]>;

export interface TranscribeStep {
  readonly cues: readonly Cue[];
  readonly doneSeconds: number;
  readonly totalSeconds: number;
}

/** Without voice activity detection: the whole audio in consecutive 30 s windows. */
export function fixedWindows(duration: number): SpeechWindow[] {
  const windows: SpeechWindow[] = [];
  for (let start = 0; start < duration; start += WINDOW_SECONDS) {
    const end = Math.min(duration, start + WINDOW_SECONDS);
    windows.push(windowOf([{ start, end }]));
  }
  return windows;
}

function placeWords(speech: SpeechWindow, words: readonly Word[]): Word[] {
  return words.map((w) => Object.freeze({ ...w, ...toOriginalSpan(speech, w.start, w.end) }));
}

/** Speech left after the last word that a new pass should still decode. */
const UNHEARD_SECONDS = 1;

/**
 * All words of a window. Whisper may end its text early (an abrupt join of pieces, a long
 * sentence): when speech is left after the last word, the rest of the window is decoded again,
 * as Whisper's own loop seeks to where the text stopped.
 */
async function decodeAll(samples: SampleSource, speech: SpeechWindow, decode: WordDecoder, profile: Profiler): Promise<Word[]> {
  const placed: Word[] = [];
  let rest: SpeechWindow | null = speech;
  while (rest) {
    if (rest !== speech) profile.count('text stopped early: rest decoded again');
    const piece = windowSamples(samples, rest);
    const words = isSilent(piece) ? [] : await decode(piece);
    placed.push(...placeWords(rest, words));
    // The last word's time may stretch over speech the text skipped, but never past its own piece.
    const last = words.at(-1);
    const heard: number = last ? Math.min(last.end, pieceEndAt(rest, last.start)) : rest.duration;
    rest = heard > 0 && heard < rest.duration - UNHEARD_SECONDS ? remainder(rest, heard) : null;
  }
  return placed;
}

/**
 * Transcribe window by window, yielding each window's subtitle cues (on the original timeline)
 * as soon as it is decoded, with how far into the audio the work has come. Windows may still be
 * arriving (a stream being read); silent ones are not decoded at all. A window's last cue waits for
 * the next window's first, so the timing rules hold across the cut (a gap of two frames between them).
 */
export async function* transcribeWindows(
  samples: SampleSource,
  windows: Iterable<SpeechWindow> | AsyncIterable<SpeechWindow>,
  decode: WordDecoder,
  totalSeconds: () => number,
  profile: Profiler = NO_PROFILE,
): AsyncGenerator<TranscribeStep> {
  let held: Cue | null = null;
  let doneSeconds = 0;
  for await (const speech of windows) {
    const words = await decodeAll(samples, speech, decode, profile);
    const built = await profile.time('cue building', async () => wordCues(words));
    const cues: Cue[] = held && built.length > 0 ? [...fixTiming([held, ...built])] : held ? [held] : built;
    held = cues.pop() ?? null;
    doneSeconds = speech.pieces.at(-1)!.end;
    yield Object.freeze({ cues: Object.freeze(cues), doneSeconds, totalSeconds: totalSeconds() });
  }
  if (held) yield Object.freeze({ cues: Object.freeze([held]), doneSeconds, totalSeconds: totalSeconds() });
}
