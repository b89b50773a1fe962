import { word, type Word } from '../subtitles/cue.ts';

/** A generated text token and its decoded text (byte-level pieces may be partial characters). */
export interface TimedToken {
  readonly id: number;
  readonly start: number;
  /** The token's log-probability, where the decoder kept it. */
  readonly logProb?: number;
}

/** A word's probability as faster-whisper gives it: the mean of its tokens' probabilities. */
function probabilityOf(group: readonly TimedToken[]): number | undefined {
  if (group.some((t) => t.logProb === undefined)) return undefined;
  return group.reduce((sum, t) => sum + Math.exp(t.logProb!), 0) / group.length;
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
    .map((group, i) => word(group[0].start, groups[i + 1]?.[0].start ?? end, decode(group.map((t) => t.id)), probabilityOf(group)))
    .filter((w) => w.text.trim() !== '');
}

/**
 * Words spread evenly over a segment by length, for models that give only segment times: an
 * estimate, but it lets segments become readable cues like everything else.
 */
export function spreadWords(start: number, end: number, text: string): Word[] {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  const total = parts.reduce((sum, p) => sum + p.length + 1, 0);
  let at = start;
  return parts.map((p) => {
    const next = at + ((end - start) * (p.length + 1)) / total;
    const w = word(at, next, ` ${p}`);
    at = next;
    return w;
  });
}
