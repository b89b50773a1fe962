import type { Cue } from '../subtitles/cue.ts';

/** A word placed on a caption line: `x` from the line's left edge, in pixels. */
export interface LaidWord {
  readonly text: string;
  readonly x: number;
  /** Its place among the cue's words (what karaoke lights). */
  readonly index: number;
}

export interface LaidLine {
  readonly words: readonly LaidWord[];
  readonly width: number;
}

/** Words into lines no wider than `maxWidth` as `measure` sizes text (a longer word gets a line of its own). */
export function layoutCaption(words: readonly string[], maxWidth: number, measure: (text: string) => number): LaidLine[] {
  const space = measure(' ');
  const lines: LaidLine[] = [];
  let line: LaidWord[] = [];
  let width = 0;
  words.forEach((text, index) => {
    const w = measure(text);
    if (line.length > 0 && width + space + w > maxWidth) {
      lines.push(Object.freeze({ words: Object.freeze(line), width }));
      [line, width] = [[], 0];
    }
    const x = line.length > 0 ? width + space : 0;
    line.push(Object.freeze({ text, x, index }));
    width = x + w;
  });
  if (line.length > 0) lines.push(Object.freeze({ words: Object.freeze(line), width }));
  return lines;
}

/** The cue shown at `t` (cues in time order, not overlapping), or -1: a binary search, for every frame. */
export function cueAt(cues: readonly Cue[], t: number): number {
  let [lo, hi] = [0, cues.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start > t) hi = mid - 1;
    else if (cues[mid].end <= t) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The cue's word being spoken at `t` (from its start until the next word starts), or -1 between cue start and the first word. */
export function wordAt(cue: Cue, t: number): number {
  const words = cue.words ?? [];
  let found = -1;
  for (const [i, w] of words.entries()) if (w.start <= t) found = i;
  return found >= 0 && t < (words[found + 1]?.start ?? cue.end) ? found : -1;
}

/** The words a caption shows: its timed words when it has them, else its text split at spaces. */
export function captionWords(cue: Cue): string[] {
  const timed = (cue.words ?? []).map((w) => w.text.trim()).filter(Boolean);
  return timed.length > 0 ? timed : cue.text.split(/\s+/).filter(Boolean);
}
