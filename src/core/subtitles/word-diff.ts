/** A run of words the two texts share, or that only one has. */
export interface DiffPart {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
/** Words compare without case and the punctuation around them: "Country." is "country". */
const key = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The longest common subsequence table, from the end: `table[i][j]` for `a[i..]` and `b[j..]`. */
function commonFromEnd(a: readonly string[], b: readonly string[]): Uint16Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = key(a[i]) === key(b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  return table;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], word: string): void {
  const last = parts.at(-1);
  if (last?.kind === kind) parts[parts.length - 1] = Object.freeze({ kind, text: `${last.text} ${word}` });
  else parts.push(Object.freeze({ kind, text: word }));
}

/** How `after` differs from `before`, word by word (for a stretch of a transcript: a few hundred words). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const [a, b] = [words(before), words(after)];
  const table = commonFromEnd(a, b);
  const parts: DiffPart[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]) === key(b[j])) [push(parts, 'same', b[j]), i++, j++];
    else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) push(parts, 'added', b[j++]);
    else push(parts, 'removed', a[i++]);
  }
  return parts;
}
