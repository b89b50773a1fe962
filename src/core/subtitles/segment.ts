/** A piece of transcript with its time span in seconds. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const segment = (start: number, end: number, text: string): Segment => Object.freeze({ start, end, text });
