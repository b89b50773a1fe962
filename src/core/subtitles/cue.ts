/** A word with its time span in seconds, as the model heard it. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** How sure the recogniser was of it (0–1: the mean probability of its tokens), where the decoder tells. */
  readonly probability?: number;
  /** Who said it, where speaker detection told (a cue cut at every change holds one). */
  readonly speaker?: string;
}

/** A piece of transcript with its time span in seconds; a cue built from word timings keeps its words. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words?: readonly Word[];
  /** Who says it, by the name the person sees (absent: nobody said, and exports stay as they were). */
  readonly speaker?: string;
}

export const cue = (start: number, end: number, text: string, words?: readonly Word[], speaker?: string): Cue =>
  Object.freeze({ start, end, text, ...(words ? { words: Object.freeze([...words]) } : {}), ...(speaker ? { speaker } : {}) });

/** The word said by `speaker` (null: by nobody named). */
function wordBy(w: Word, speaker: string | null): Word {
  const { speaker: _, ...rest } = w;
  return Object.freeze(speaker ? { ...rest, speaker } : rest);
}

/** The cue said by `speaker` (null: by nobody named); its words follow it. */
export const spokenBy = (c: Cue, speaker: string | null): Cue =>
  cue(c.start, c.end, c.text, c.words?.map((w) => wordBy(w, speaker)), speaker ?? undefined);

export const word = (start: number, end: number, text: string, probability?: number): Word =>
  Object.freeze(probability === undefined ? { start, end, text } : { start, end, text, probability });

/** The same word at other times (its text and probability kept). */
export const retimed = (w: Word, start: number, end: number): Word => Object.freeze({ ...w, start, end });
