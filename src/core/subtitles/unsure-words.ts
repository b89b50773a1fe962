import type { Cue, Word } from './cue.ts';

/** Words the recogniser gave less than this probability are marked for a person to check. */
export const UNSURE_WORD_PROBABILITY = 0.5;

export const isUnsureWord = (w: Word, below = UNSURE_WORD_PROBABILITY): boolean => w.probability !== undefined && w.probability < below;

/** Where an unsure word is: its cue, its place in the cue, and when it starts. */
export interface UnsureSpot {
  readonly cue: number;
  readonly word: number;
  readonly start: number;
}

/** Every unsure word of the cues, in time order (a cue edited by hand has no words, so none). */
export function unsureSpots(cues: readonly Cue[], below = UNSURE_WORD_PROBABILITY): UnsureSpot[] {
  return cues.flatMap((c, cue) => (c.words ?? []).flatMap((w, word) => (isUnsureWord(w, below) ? [Object.freeze({ cue, word, start: w.start })] : [])));
}

/** The first unsure word after `time` (a small step past it, so repeating moves on), wrapping to the first; null if none. */
export function nextUnsure(cues: readonly Cue[], time: number, below = UNSURE_WORD_PROBABILITY): UnsureSpot | null {
  const spots = unsureSpots(cues, below);
  return spots.find((s) => s.start > time + 0.01) ?? spots[0] ?? null;
}

/** Whether the cues were made by a decoder that tells how sure it was (the stock pipeline does not). */
export const tellsSureness = (cues: readonly Cue[]): boolean => cues.some((c) => c.words?.some((w) => w.probability !== undefined));
