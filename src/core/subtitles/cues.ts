import { cue, type Cue } from './cue.ts';

export interface CueLimits {
  /** Characters per line (Netflix and BBC use 42). */
  readonly maxLineLength: number;
  readonly maxLines: number;
  /** A cue shorter than this is stretched where the next cue leaves room. */
  readonly minDuration: number;
}

export const DEFAULT_LIMITS: CueLimits = Object.freeze({ maxLineLength: 42, maxLines: 2, minDuration: 0.5 });

/** Words into lines of at most `max` characters (a single longer word gets a line of its own). */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One segment as cues that each fit the limits, sharing its time in proportion to their length. */
function splitSegment(s: Cue, limits: CueLimits): Cue[] {
  const lines = wrapLines(s.text, limits.maxLineLength);
  const groups: string[] = [];
  for (let i = 0; i < lines.length; i += limits.maxLines) groups.push(lines.slice(i, i + limits.maxLines).join('\n'));
  const total = groups.reduce((sum, g) => sum + g.length, 0) || 1;
  let at = s.start;
  return groups.map((text, i) => {
    const end = i === groups.length - 1 ? s.end : at + ((s.end - s.start) * text.length) / total;
    const piece = cue(at, end, text, undefined, s.speaker);
    at = end;
    return piece;
  });
}

/**
 * Segments as valid subtitle cues: ordered, non-empty, non-overlapping and monotonic, with long
 * segments split so no cue has more than `maxLines` lines of `maxLineLength` characters.
 */
export function toCues(segments: readonly Cue[], limits: CueLimits = DEFAULT_LIMITS): Cue[] {
  return settleCues(segments, limits, (s) => splitSegment(s, limits));
}

/**
 * Cues ordered, trimmed, non-empty and non-overlapping, each at least `minDuration` where the next
 * leaves room; `split` cuts a segment into cues that fit (its words, when it keeps them, go along).
 */
export function settleCues(segments: readonly Cue[], limits: CueLimits, split: (s: Cue) => Cue[] = (s) => [s]): Cue[] {
  const ordered = segments
    .map((s) => cue(Math.max(0, s.start), Math.max(0, s.end), s.text.trim(), s.words, s.speaker))
    .filter((s) => s.text !== '')
    .sort((a, b) => a.start - b.start);
  const cues = ordered.flatMap(split);
  return cues.map((c, i) => {
    const next = cues[i + 1];
    const floor = i > 0 ? cues[i - 1].start : 0;
    const start = Math.max(c.start, floor);
    const wanted = Math.max(c.end, start + limits.minDuration);
    const end = next ? Math.max(start, Math.min(wanted, next.start)) : wanted;
    return cue(start, end, c.text, c.words, c.speaker);
  });
}
