/** A word with its time span in seconds, as the model heard it. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** How sure the recogniser was of it (0–1: the mean probability of its tokens), where the decoder tells. */
  readonly probability?: number;
}

/** A piece of transcript with its time span in seconds; a cue built from word timings keeps its words. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words?: readonly Word[];
}

export const cue = (start: number, end: number, text: string, words?: readonly Word[]): Cue =>
  Object.freeze(words ? { start, end, text, words: Object.freeze([...words]) } : { start, end, text });

export const word = (start: number, end: number, text: string, probability?: number): Word =>
  Object.freeze(probability === undefined ? { start, end, text } : { start, end, text, probability });

/** The same word at other times (its text and probability kept). */
export const retimed = (w: Word, start: number, end: number): Word => Object.freeze({ ...w, start, end });
