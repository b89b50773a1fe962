/** A word with its time span in seconds, as the model heard it. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A piece of transcript with its time span in seconds; a cue built from word timings keeps its words. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words?: readonly Word[];
}

export const segment = (start: number, end: number, text: string, words?: readonly Word[]): Segment =>
  Object.freeze(words ? { start, end, text, words: Object.freeze([...words]) } : { start, end, text });

export const word = (start: number, end: number, text: string): Word => Object.freeze({ start, end, text });
