import { DEFAULT_LIMITS, settleCues, wrapLines, type CueLimits } from './cues.ts';
import { cue, type Cue, type Word } from './cue.ts';

/** Words grouped so each group fills at most `maxLines` lines of `maxLineLength` characters. */
function wordGroups(words: readonly Word[], limits: CueLimits): Word[][] {
  const groups: Word[][] = [];
  let group: Word[] = [];
  for (const w of words) {
    const text = [...group, w].map((g) => g.text.trim()).join(' ');
    if (group.length > 0 && wrapLines(text, limits.maxLineLength).length > limits.maxLines) {
      groups.push(group);
      group = [];
    }
    group.push(w);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** A segment with word times as cues that each fit the limits, cut between words and keeping them. */
function splitByWords(s: Cue, words: readonly Word[], limits: CueLimits): Cue[] {
  const groups = wordGroups(words, limits);
  return groups.map((group, i) => {
    const start = i === 0 ? Math.min(s.start, group[0].start) : group[0].start;
    const end = i === groups.length - 1 ? Math.max(s.end, group.at(-1)!.end) : groups[i + 1][0].start;
    const text = wrapLines(group.map((w) => w.text.trim()).join(' '), limits.maxLineLength).join('\n');
    return cue(start, end, text, group, s.speaker);
  });
}

/**
 * Cues to draw or style (burn-in, ASS): as `toCues` lays them out, but a segment with word times is
 * cut between words and each cue keeps its words, so karaoke can light each word at its time.
 */
export function captionCues(segments: readonly Cue[], limits: CueLimits = DEFAULT_LIMITS): Cue[] {
  const pieces = segments.flatMap((s) => {
    const words = (s.words ?? []).filter((w) => w.text.trim() !== '');
    return words.length > 0 ? splitByWords(s, words, limits) : [s];
  });
  return settleCues(pieces, limits);
}
