/** A phrase longer than this many words repeated three times in a row is a loop: speech does not do that. */
const LONG_PHRASE_WORDS = 4;

/**
 * Where a text starts looping: the word index of the second occurrence of an n-gram (n ≤ maxN)
 * that repeats in a row: `minRepeats` times for up to four words ("like, like, like, like…"),
 * three times for a longer phrase (tiny decoded greedily repeated a 13-word sentence 14 times).
 */
export function findLoop(text: string, minRepeats = 4, maxN = 24): number | null {
  const words = text.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}']/gu, '')).filter(Boolean);
  for (let n = 1; n <= maxN; n++) {
    const repeatsNeeded = n > LONG_PHRASE_WORDS ? 3 : minRepeats;
    for (let at = 0; at + n * repeatsNeeded <= words.length; at++) {
      const gram = words.slice(at, at + n).join(' ');
      let repeats = 1;
      while (words.slice(at + repeats * n, at + (repeats + 1) * n).join(' ') === gram) repeats++;
      if (repeats >= repeatsNeeded) return at + n;
    }
  }
  return null;
}

/**
 * Whether generated tokens end in a loop: the same n tokens (n ≤ `maxN`) repeated at the end,
 * at least 4 times for one or two tokens and 3 times for longer n-grams (a whole sentence, too). Decoding stops there:
 * the window will fail the compression-ratio check anyway, and a loop runs to the token limit.
 */
export function endsInLoop(tokens: readonly number[], maxN = 40): boolean {
  for (let n = 1; n <= maxN; n++) {
    const repeats = n <= 2 ? 4 : 3;
    if (tokens.length < n * repeats) break;
    const tail = tokens.slice(-n);
    let same = true;
    for (let r = 1; r < repeats && same; r++) {
      for (let k = 0; k < n && same; k++) same = tokens[tokens.length - (r + 1) * n + k] === tail[k];
    }
    if (same) return true;
  }
  return false;
}
