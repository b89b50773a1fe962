import { cue, type Cue } from './cue.ts';
import type { MediaSpan } from '../media/media-span.ts';

/** The media a run of cues covers, `first` to `last` (0-based, inclusive). */
export function spanOfCues(cues: readonly Cue[], first: number, last: number): MediaSpan {
  const [a, b] = [Math.max(0, Math.min(first, last)), Math.min(cues.length - 1, Math.max(first, last))];
  return Object.freeze({ from: cues[a].start, to: cues[b].end });
}

/** Which cues lie in a span (start and end inside it, a hair's tolerance): where a new take of it goes. */
export function cuesIn(cues: readonly Cue[], span: MediaSpan): { readonly index: number; readonly count: number } {
  const inside = (c: Cue): boolean => c.start >= span.from - 0.01 && c.end <= span.to + 0.01;
  const index = cues.findIndex(inside);
  if (index < 0) {
    const after = cues.findIndex((c) => c.start >= span.from);
    return { index: after === -1 ? cues.length : after, count: 0 };
  }
  let count = 0;
  while (index + count < cues.length && inside(cues[index + count])) count++;
  return { index, count };
}

/** Cues timed from a span's start, moved onto the media's timeline (their words too). */
export function shifted(cues: readonly Cue[], by: number): Cue[] {
  return cues.map((c) => cue(c.start + by, c.end + by, c.text, c.words?.map((w) => Object.freeze({ ...w, start: w.start + by, end: w.end + by })), c.speaker));
}

/** Words a new take of a stretch is told were said just before it (Whisper decodes better with its context). */
export const CONTEXT_WORDS = 40;

/** The last words of the cues that end before `from`: the previous text for a new take. */
export function textBefore(cues: readonly Cue[], from: number, words = CONTEXT_WORDS): string {
  const before = cues.filter((c) => c.end <= from + 0.01).map((c) => c.text.trim()).join(' ');
  return before.split(/\s+/).filter(Boolean).slice(-words).join(' ');
}

/** A span drawn on the timeline, widened to the whole of each cue it cuts into: a new take never leaves half a cue behind. */
export function spanAround(cues: readonly Cue[], span: MediaSpan): MediaSpan {
  const cut = cues.filter((c) => c.end > span.from && c.start < span.to);
  return Object.freeze({ from: Math.min(span.from, ...cut.map((c) => c.start)), to: Math.max(span.to, ...cut.map((c) => c.end)) });
}
