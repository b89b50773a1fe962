import type { Word } from '../subtitles/cue.ts';
import { agreedCount } from './local-agreement.ts';

/**
 * The utterance being spoken, as LocalAgreement-2 follows it (Macháček et al. 2023): each new
 * hypothesis of the whole utterance is compared with the one before; the words both agree on
 * past what is committed become committed and never change; the rest is the tentative tail.
 */
export interface Utterance {
  readonly committed: readonly Word[];
  /** The previous hypothesis's words after the committed ones. */
  readonly tail: readonly Word[];
}

export interface Heard {
  readonly utterance: Utterance;
  /** Words committed by this hypothesis, in order. */
  readonly commit: readonly Word[];
  /** The words after all committed ones, still free to change. */
  readonly tentative: readonly Word[];
}

export const NEW_UTTERANCE: Utterance = Object.freeze({ committed: Object.freeze([]), tail: Object.freeze([]) });

/** Committed words are never revised: the hypothesis's words past them (by text where it agrees, else by time). */
export function pastCommitted(committed: readonly Word[], hypothesis: readonly Word[]): readonly Word[] {
  if (committed.length === 0) return hypothesis;
  if (agreedCount(committed, hypothesis) === committed.length) return hypothesis.slice(committed.length);
  const end = committed.at(-1)!.end;
  // Whisper rewrote what was already committed: keep only what it heard after it.
  return hypothesis.filter((w) => (w.start + w.end) / 2 >= end);
}

/** A new hypothesis of the whole utterance so far. */
export function heardAgain(utterance: Utterance, hypothesis: readonly Word[]): Heard {
  const rest = pastCommitted(utterance.committed, hypothesis);
  const agreed = agreedCount(utterance.tail, rest);
  const commit = Object.freeze(rest.slice(0, agreed));
  const tentative = Object.freeze(rest.slice(agreed));
  const next = Object.freeze({ committed: Object.freeze([...utterance.committed, ...commit]), tail: tentative });
  return Object.freeze({ utterance: next, commit, tentative });
}

/** The utterance is over: the last hypothesis (of all its audio) is taken past what was committed. */
export function finished(utterance: Utterance, hypothesis: readonly Word[]): readonly Word[] {
  return Object.freeze([...pastCommitted(utterance.committed, hypothesis)]);
}
