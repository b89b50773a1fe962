import { retimed, type Cue, type Word } from '../subtitles/cue.ts';
import { wordCues } from '../subtitles/word-cues.ts';
import { finished, heardAgain, NEW_UTTERANCE, type Utterance } from './live-utterance.ts';
import { firstPace, nextPace, type Pace } from './live-pace.ts';
import { currentUtterance, MAX_UTTERANCE_SECONDS, type UtteranceSpan } from './utterance-span.ts';
import type { Quality } from '../transcribe/decode-options.ts';

/** Audio arriving as it is captured, in seconds from the start of the session. */
export interface LiveAudio {
  readonly heard: () => number;
  readonly ended: () => boolean;
  /** Resolves when more audio came or the capture ended. */
  readonly more: () => Promise<void>;
  readonly samples: (from: number, to: number) => Float32Array;
  /** Audio before this is no longer needed. */
  readonly keepFrom: (seconds: number) => void;
  /** Speech probabilities of all audio heard so far (voice detection brought up to date). */
  readonly speech: () => Promise<ArrayLike<number>>;
}

/** Words heard in ≤ 30 s of 16 kHz audio, timed from its start; `prefix` is the text it is known to begin with (see WordDecoder). */
export type LiveDecoder = (samples: Float32Array, quality: Quality, prefix: string) => Promise<readonly Word[]>;

export interface LiveUpdate {
  /** Words committed by this pass: they never change. */
  readonly commit: readonly Word[];
  /** The words after all committed ones, as the last pass heard them. */
  readonly tentative: readonly Word[];
  /** Cues of an utterance that ended with this pass (its committed words), on the session's timeline. */
  readonly cues: readonly Cue[];
  readonly heardSeconds: number;
  /** Audio that came in while this pass decoded: how far behind real time the text is. */
  readonly behindSeconds: number;
  readonly pace: Pace;
}

/** Audio without speech is let go of, but for what a region's onset and padding can reach back to. */
const LOOKBACK_SECONDS = 2;

interface Step {
  readonly utterance: Utterance;
  readonly commit: readonly Word[];
  readonly tentative: readonly Word[];
  /** Set when the utterance is over: where the next one may start, and all its words. */
  readonly done: { readonly end: number; readonly words: readonly Word[] } | null;
}

/** One pass over the utterance: its words agreed on, or (closed, ended, too long) all taken. */
function step(utterance: Utterance, span: UtteranceSpan, words: readonly Word[], ended: boolean): Step {
  if (span.closed || ended || span.end - span.start > MAX_UTTERANCE_SECONDS) {
    const rest = finished(utterance, words);
    const all = [...utterance.committed, ...rest];
    const end = span.closed || ended ? span.end : (all.at(-1)?.end ?? span.end);
    return { utterance: NEW_UTTERANCE, commit: rest, tentative: [], done: { end, words: all } };
  }
  const heard = heardAgain(utterance, words);
  return { ...heard, done: null };
}

/**
 * An utterance is first decoded once it holds this much audio. Two passes over a second or two of
 * audio, with nothing said before it, agree too readily on a misheard first word ("And not" for
 * "Ask not"), and a committed word is never taken back.
 */
export const FIRST_PASS_SECONDS = 1.5;

/** Stopped this soon after a pass over the utterance, its last hypothesis stands: Stop does not wait for another pass. */
const STOP_SLACK_SECONDS = 1;

/** The utterance's words: decoded, or (just stopped) as the last pass heard them. */
async function hear(audio: LiveAudio, decode: LiveDecoder, span: UtteranceSpan, pace: Pace, last: { readonly utterance: Utterance; readonly passed: UtteranceSpan | null }): Promise<readonly Word[]> {
  const { utterance, passed } = last;
  if (audio.ended() && passed?.start === span.start && span.end - passed.end < STOP_SLACK_SECONDS) return [...utterance.committed, ...utterance.tail];
  // What is committed is not decoded again: the pass goes on from it (and cannot contradict it).
  const words = await decode(audio.samples(span.start, span.end), pace.quality, committedText(utterance));
  return words.map((w) => retimed(w, w.start + span.start, w.end + span.start));
}

/** The committed words as the decoder wrote them (each with its own leading space, where the language has one). */
const committedText = (utterance: Utterance): string => utterance.committed.map((w) => w.text).join('');

async function waitForStep(audio: LiveAudio, from: number, pace: Pace): Promise<void> {
  while (!audio.ended() && audio.heard() - from < pace.stepSeconds) await audio.more();
}

/**
 * Live captions: voice detection finds the utterance being spoken; it is decoded again as it
 * grows (every `stepSeconds` of new audio), words are committed once two passes agree on them,
 * and when a pause ends it its words become cues. When decoding falls behind, the pace changes
 * (`nextPace`). Ends once the capture ended and every utterance is done.
 */
export async function* liveCaptions(audio: LiveAudio, decode: LiveDecoder, quality: Quality): AsyncGenerator<LiveUpdate> {
  let [doneEnd, utterance, decodedAt, pace] = [0, NEW_UTTERANCE, 0, firstPace(quality)];
  let passed: UtteranceSpan | null = null;
  for (;;) {
    await waitForStep(audio, decodedAt, pace);
    const [ended, heard] = [audio.ended(), audio.heard()];
    const span = currentUtterance(await audio.speech(), heard, doneEnd);
    decodedAt = heard;
    if (!span) {
      if (ended) return;
      doneEnd = Math.max(doneEnd, heard - LOOKBACK_SECONDS);
      audio.keepFrom(doneEnd);
      continue;
    }
    const short = FIRST_PASS_SECONDS - (span.end - span.start);
    if (short > 0 && !span.closed && !ended) {
      decodedAt = heard - pace.stepSeconds + short; // looks again once it could be long enough
      continue;
    }
    const words = await hear(audio, decode, span, pace, { utterance, passed });
    const next = step(utterance, span, words, ended);
    [utterance, passed] = [next.utterance, next.done ? null : span];
    if (next.done) {
      doneEnd = next.done.end;
      audio.keepFrom(doneEnd);
    }
    const behindSeconds = Math.max(0, audio.heard() - heard);
    pace = nextPace(pace, behindSeconds);
    const cues = next.done ? Object.freeze(wordCues(next.done.words)) : Object.freeze([]);
    yield Object.freeze({ commit: next.commit, tentative: next.tentative, cues, heardSeconds: heard, behindSeconds, pace });
  }
}
