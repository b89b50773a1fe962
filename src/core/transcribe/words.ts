import { word, type Word } from '../subtitles/segment.ts';

/** A generated text token and its decoded text (byte-level pieces may be partial characters). */
export interface TimedToken {
  readonly id: number;
  readonly start: number;
}

/**
 * Tokens into words: a token whose text begins with a space starts a word, others (word pieces,
 * punctuation) join the word before. A word runs from its first token's start to the start of
 * the token after it; `end` closes the last word. `decode` turns a word's token ids into text.
 */
export function tokensToWords(tokens: readonly TimedToken[], end: number, decode: (ids: readonly number[]) => string): Word[] {
  const groups: TimedToken[][] = [];
  for (const token of tokens) {
    const startsWord = groups.length === 0 || /^\s/.test(decode([token.id]));
    if (startsWord) groups.push([token]);
    else groups.at(-1)!.push(token);
  }
  return groups
    .map((group, i) => word(group[0].start, groups[i + 1]?.[0].start ?? end, decode(group.map((t) => t.id))))
    .filter((w) => w.text.trim() !== '');
}
