import { wrapLines } from './cues.ts';
import { retimed, cue, type Cue, type Word } from './cue.ts';
import { fixTiming, TIMING_RULES, type TimingRules } from './timing-rules.ts';

export interface WordCueLimits {
  readonly maxLineLength: number;
  readonly maxLines: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** A silence at least this long between words ends a cue. */
  readonly pauseSeconds: number;
}

export const WORD_CUE_LIMITS: WordCueLimits = Object.freeze({ maxLineLength: 42, maxLines: 2, minSeconds: 1, maxSeconds: 7, pauseSeconds: 0.6 });

const textOf = (words: readonly Word[]): string => words.map((w) => w.text.trim()).filter(Boolean).join(' ');
const endsSentence = (w: Word): boolean => /[.?!…。？！]["'”)]?$/.test(w.text.trim());
const endsClause = (w: Word): boolean => /[,;:—–]["'”)]?$/.test(w.text.trim());

/** Words in order, each at least as long as zero and at most as long as a cue may be. */
function tidy(words: readonly Word[], limits: WordCueLimits): Word[] {
  let floor = 0;
  return words
    .filter((w) => w.text.trim() !== '')
    .map((w) => {
      const start = Math.max(floor, w.start);
      const end = Math.min(Math.max(start, w.end), start + limits.maxSeconds);
      floor = end;
      return retimed(w, start, end);
    });
}

function fits(words: readonly Word[], limits: WordCueLimits): boolean {
  const lines = wrapLines(textOf(words), limits.maxLineLength);
  const longest = Math.max(...lines.map((l) => l.length));
  return lines.length <= limits.maxLines && longest <= limits.maxLineLength && words.at(-1)!.end - words[0].start <= limits.maxSeconds;
}

/** Whether a cue holding `cue` should end before `next`. */
function breaksBefore(cue: readonly Word[], next: Word, limits: WordCueLimits): boolean {
  const last = cue.at(-1)!;
  if (next.start - last.end >= limits.pauseSeconds) return true;
  if (endsSentence(last)) return true;
  if (endsClause(last) && textOf(cue).length > limits.maxLineLength) return true;
  return !fits([...cue, next], limits);
}

function group(words: readonly Word[], limits: WordCueLimits): Word[][] {
  const groups: Word[][] = [];
  for (const w of words) {
    const cue = groups.at(-1);
    if (cue && !breaksBefore(cue, w, limits)) cue.push(w);
    else groups.push([w]);
  }
  return groups;
}

/** The room a cue of this group could take: from the end of the group before to the start of the one after. */
const room = (groups: readonly Word[][], i: number): number => (groups[i + 1]?.[0].start ?? Infinity) - (groups[i - 1]?.at(-1)!.end ?? 0);

/**
 * A group that cannot last `minSeconds` even with all the silence around it joins the neighbour
 * it is closer to, when the two still fit one cue ("you." squeezed between two sentences).
 */
function mergeCramped(groups: Word[][], limits: WordCueLimits): Word[][] {
  const out = [...groups];
  for (let i = 0; i < out.length; i++) {
    if (room(out, i) >= limits.minSeconds) continue;
    const before = i > 0 ? out[i][0].start - out[i - 1].at(-1)!.end : Infinity;
    const after = i + 1 < out.length ? out[i + 1][0].start - out[i].at(-1)!.end : Infinity;
    const j = before <= after ? i - 1 : i + 1;
    const merged = j < i ? [...out[j], ...out[i]] : [...out[i], ...(out[j] ?? [])];
    if (out[j] && fits(merged, limits)) {
      out.splice(Math.min(i, j), 2, merged);
      i = Math.max(-1, Math.min(i, j) - 2);
    }
  }
  return out;
}

/** Stretch a short cue toward `minSeconds`, into the silence around it only. */
function stretch(start: number, end: number, before: number, after: number, limits: WordCueLimits): [number, number] {
  const missing = limits.minSeconds - (end - start);
  if (missing <= 0) return [start, end];
  const later = Math.min(after, start + limits.minSeconds);
  const earlier = Math.max(before, later - limits.minSeconds);
  return [Math.min(start, earlier), Math.max(end, later)];
}

/**
 * Subtitle cues a person can read, from word timings: at most `maxLines` lines of
 * `maxLineLength` characters and `maxSeconds`, split at sentence ends, long clauses and pauses,
 * at least `minSeconds` where the silence around allows, never overlapping and never shorter
 * than the words they hold, then timed to `rules`. Each cue keeps its words.
 */
export function wordCues(words: readonly Word[], limits: WordCueLimits = WORD_CUE_LIMITS, rules: TimingRules = TIMING_RULES): Cue[] {
  const groups = mergeCramped(group(tidy(words, limits), limits), limits);
  const cues: Cue[] = [];
  groups.forEach((g, i) => {
    const before = cues.at(-1)?.end ?? 0;
    const after = groups[i + 1]?.[0].start ?? Infinity;
    const [start, end] = stretch(g[0].start, g.at(-1)!.end, before, after, limits);
    cues.push(cue(start, Math.min(end, start + limits.maxSeconds), textOf(g), g));
  });
  // Then to the broadcast rules where the silence allows: time to read each, a gap before the next.
  return [...fixTiming(cues, rules)];
}
