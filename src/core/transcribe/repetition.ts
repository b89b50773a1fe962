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

/** The text up to the end of the looping n-gram's first occurrence; the text itself when it has no loop. */
export function trimLoop(text: string, minRepeats = 4): string {
  const cut = findLoop(text, minRepeats);
  if (cut === null) return text;
  return text.trim().split(/\s+/).slice(0, cut).join(' ');
}
