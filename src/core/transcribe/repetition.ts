/**
 * Where a text starts looping: the word index of the second occurrence of an n-gram (n ≤ maxN)
 * that repeats at least `minRepeats` times in a row ("like, like, like, like…"), or null.
 */
export function findLoop(text: string, minRepeats = 4, maxN = 4): number | null {
  const words = text.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}']/gu, '')).filter(Boolean);
  for (let n = 1; n <= maxN; n++) {
    for (let at = 0; at + n * minRepeats <= words.length; at++) {
      const gram = words.slice(at, at + n).join(' ');
      let repeats = 1;
      while (words.slice(at + repeats * n, at + (repeats + 1) * n).join(' ') === gram) repeats++;
      if (repeats >= minRepeats) return at + n;
    }
  }
  return null;
}

/**
 * Whether generated tokens end in a loop: the same n tokens (n ≤ `maxN`) repeated at the end,
 * at least 4 times for one or two tokens and 3 times for longer n-grams. Decoding stops there:
 * the window will fail the compression-ratio check anyway, and a loop runs to the token limit.
 */
export function endsInLoop(tokens: readonly number[], maxN = 12): boolean {
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
