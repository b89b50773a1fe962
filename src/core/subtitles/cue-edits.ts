import { cue, type Cue, type Word } from './cue.ts';

/** Cue editing for the subtitle editor: every operation returns new frozen cues, never mutates. */
export type Cues = readonly Cue[];

const freeze = (cues: Cue[]): Cues => Object.freeze(cues);
/** A cue with new times keeps its words only while they still lie inside it. */
const retimed = (c: Cue, start: number, end: number): Cue =>
  cue(start, end, c.text, c.words && c.words.every((w) => w.start >= start - 1e-6 && w.end <= end + 1e-6) ? c.words : undefined, c.speaker);

/** Move a cue's start or end by `delta` seconds, never past its neighbours nor its other edge. */
export function nudge(cues: Cues, index: number, edge: 'start' | 'end', delta: number): Cues {
  const c = cues[index];
  if (!c) return cues;
  const start = edge === 'start' ? Math.min(c.end, Math.max(cues[index - 1]?.end ?? 0, c.start + delta)) : c.start;
  const end = edge === 'end' ? Math.max(c.start, Math.min(cues[index + 1]?.start ?? Infinity, c.end + delta)) : c.end;
  return freeze(cues.map((x, i) => (i === index ? retimed(x, round(start), round(end)) : x)));
}

const round = (t: number): number => Math.round(t * 1000) / 1000;

/** Text before and after `time`: at a word boundary when the cue has word times, else in proportion. */
function splitText(c: Cue, time: number): [string, string, Word[] | undefined, Word[] | undefined] {
  if (c.words && c.words.length > 1) {
    const found = c.words.findIndex((w) => (w.start + w.end) / 2 >= time);
    const cut = found === -1 ? c.words.length - 1 : Math.min(c.words.length - 1, Math.max(1, found));
    const [a, b] = [c.words.slice(0, cut), c.words.slice(cut)];
    return [a.map((w) => w.text.trim()).join(' '), b.map((w) => w.text.trim()).join(' '), a, b];
  }
  const words = c.text.split(/\s+/).filter(Boolean);
  const at = Math.min(words.length - 1, Math.max(1, Math.round((words.length * (time - c.start)) / Math.max(1e-6, c.end - c.start))));
  return [words.slice(0, at).join(' '), words.slice(at).join(' '), undefined, undefined];
}

/** A piece of a split cue is said by whoever says its first word, else by whoever said the cue. */
const speakerOf = (words: readonly Word[] | undefined, c: Cue): string | undefined => words?.[0]?.speaker ?? c.speaker;

/** Split a cue in two at `time` (the playhead); a cue of one word, or a time outside it, is left alone. */
export function splitAt(cues: Cues, index: number, time: number): Cues {
  const c = cues[index];
  if (!c || time <= c.start || time >= c.end || c.text.trim().split(/\s+/).length < 2) return cues;
  const [left, right, wordsLeft, wordsRight] = splitText(c, time);
  const cut = round(time);
  return freeze([...cues.slice(0, index), cue(c.start, cut, left, wordsLeft, speakerOf(wordsLeft, c)), cue(cut, c.end, right, wordsRight, speakerOf(wordsRight, c)), ...cues.slice(index + 1)]);
}

/** Join a cue with the next one. */
export function mergeWithNext(cues: Cues, index: number): Cues {
  const [a, b] = [cues[index], cues[index + 1]];
  if (!a || !b) return cues;
  const words = a.words && b.words ? [...a.words, ...b.words] : undefined;
  return freeze([...cues.slice(0, index), cue(a.start, b.end, `${a.text.trim()} ${b.text.trim()}`, words, a.speaker ?? b.speaker), ...cues.slice(index + 2)]);
}

export function removeCue(cues: Cues, index: number): Cues {
  return index >= 0 && index < cues.length ? freeze(cues.filter((_, i) => i !== index)) : cues;
}

/** Replace every occurrence of `find` (case-insensitive) in the cues' text; with how many were replaced. */
export function replaceAll(cues: Cues, find: string, replacement: string): { cues: Cues; count: number } {
  if (find === '') return { cues, count: 0 };
  const pattern = new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  let count = 0;
  const next = cues.map((c) => {
    const text = c.text.replace(pattern, () => (count++, replacement));
    return text === c.text ? c : cue(c.start, c.end, text, undefined, c.speaker);
  });
  return { cues: count > 0 ? freeze(next) : cues, count };
}

/** The cue playing at `time`, or -1 between cues. */
export function activeCueAt(cues: Cues, time: number): number {
  return cues.findIndex((c) => time >= c.start && time < c.end);
}

/** What a cue's buttons ask for. */
export type CueAction =
  | { readonly kind: 'nudge'; readonly edge: 'start' | 'end'; readonly delta: number }
  | { readonly kind: 'split' }
  | { readonly kind: 'merge' }
  | { readonly kind: 'delete' };

/** The cues after a cue's action; `playhead` is where a split cuts. */
export function applyCueAction(cues: Cues, index: number, action: CueAction, playhead: number): Cues {
  switch (action.kind) {
    case 'nudge': return nudge(cues, index, action.edge, action.delta);
    case 'split': return splitAt(cues, index, playhead);
    case 'merge': return mergeWithNext(cues, index);
    case 'delete': return removeCue(cues, index);
    default: return action satisfies never;
  }
}
