import type { Word } from '../subtitles/cue.ts';

/** A word as two hypotheses are compared: case, punctuation and spacing aside. */
export const wordKey = (w: Word): string => w.text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/** How many leading words two hypotheses share (LocalAgreement: what both say is stable). */
export function agreedCount(a: readonly Word[], b: readonly Word[]): number {
  let n = 0;
  while (n < a.length && n < b.length && wordKey(a[n]) === wordKey(b[n])) n += 1;
  return n;
}
