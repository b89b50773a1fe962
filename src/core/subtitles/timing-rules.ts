import { wrapLines } from './cues.ts';
import { cue, retimed, type Cue } from './cue.ts';

/**
 * What broadcasters ask of subtitles (the BBC's and Netflix's guides, as Subtitle Edit checks them):
 * a reading speed, a shortest and a longest time on screen, a gap between cues, and two lines of 42.
 */
export interface TimingRules {
  /** Characters per second a viewer reads, at most. */
  readonly cps: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Frames between one cue's end and the next one's start, at `fps`. */
  readonly gapFrames: number;
  readonly fps: number;
  readonly maxLineLength: number;
  readonly maxLines: number;
}

export const TIMING_RULES: TimingRules = Object.freeze({ cps: 17, minSeconds: 5 / 6, maxSeconds: 7, gapFrames: 2, fps: 25, maxLineLength: 42, maxLines: 2 });

export type TimingProblem = 'reading-speed' | 'too-short' | 'too-long' | 'gap' | 'lines';

export const PROBLEM_TEXT: Readonly<Record<TimingProblem, string>> = Object.freeze({
  'reading-speed': 'too fast to read',
  'too-short': 'too short',
  'too-long': 'too long',
  gap: 'too close to the next cue',
  lines: 'too many or too long lines',
});

/** Characters a viewer reads: line breaks are not read. */
const readChars = (text: string): number => text.replace(/\s*\n\s*/g, ' ').trim().length;
const gapOf = (rules: TimingRules): number => rules.gapFrames / rules.fps;
/** Time on screen this much text needs: its reading time, at least the shortest, at most the longest. */
const neededSeconds = (c: Cue, rules: TimingRules): number => Math.min(rules.maxSeconds, Math.max(rules.minSeconds, readChars(c.text) / rules.cps));
const EPSILON = 1e-3;

export const charsPerSecond = (c: Cue): number => readChars(c.text) / Math.max(EPSILON, c.end - c.start);

function linesBroken(c: Cue, rules: TimingRules): boolean {
  const lines = c.text.includes('\n') ? c.text.split('\n') : wrapLines(c.text, rules.maxLineLength);
  return lines.length > rules.maxLines || lines.some((l) => l.trim().length > rules.maxLineLength);
}

/** The rules cue `index` breaks. */
export function timingProblems(cues: readonly Cue[], index: number, rules: TimingRules = TIMING_RULES): TimingProblem[] {
  const c = cues[index];
  const next = cues[index + 1];
  const duration = c.end - c.start;
  const problems: TimingProblem[] = [];
  if (charsPerSecond(c) > rules.cps + EPSILON) problems.push('reading-speed');
  if (duration < rules.minSeconds - EPSILON) problems.push('too-short');
  if (duration > rules.maxSeconds + EPSILON) problems.push('too-long');
  if (next && next.start - c.end < gapOf(rules) - EPSILON) problems.push('gap');
  if (linesBroken(c, rules)) problems.push('lines');
  return problems;
}

/** The first cue after `from` (wrapping round) that breaks a rule, or -1 when none does. */
export function nextProblem(cues: readonly Cue[], from: number, rules: TimingRules = TIMING_RULES): number {
  for (let k = 1; k <= cues.length; k++) {
    const i = (from + k + cues.length) % cues.length;
    if (timingProblems(cues, i, rules).length > 0) return i;
  }
  return -1;
}

/** The share of cues that break no rule (1 for none). */
export const withinRules = (cues: readonly Cue[], rules: TimingRules = TIMING_RULES): number =>
  cues.length === 0 ? 1 : cues.filter((_, i) => timingProblems(cues, i, rules).length === 0).length / cues.length;

/** A cue at new times, its words kept inside them. */
function moved(c: Cue, start: number, end: number): Cue {
  // To the millisecond, outward: a cue extended to its reading time is never a hair short of it.
  const [s, e] = [Math.floor(start * 1000 + 1e-6) / 1000, Math.ceil(end * 1000 - 1e-6) / 1000];
  const words = c.words?.map((w) => retimed(w, Math.min(Math.max(w.start, s), e), Math.min(Math.max(w.end, s), e)));
  return cue(s, e, c.text, words, c.speaker);
}

/** One cue's times within the room its neighbours leave: long enough to read, not too long, a gap before the next. */
function fitted(c: Cue, before: number, after: number, rules: TimingRules): Cue {
  const gap = gapOf(rules);
  const latest = after - gap;
  let end = Math.min(c.end, c.start + rules.maxSeconds, Math.max(latest, c.start + EPSILON));
  const missing = neededSeconds(c, rules) - (end - c.start);
  if (missing <= 0) return end === c.end ? c : moved(c, c.start, end);
  end = Math.max(end, Math.min(c.start + neededSeconds(c, rules), latest));
  const start = Math.min(c.start, Math.max(0, before + gap, end - neededSeconds(c, rules)));
  return start === c.start && end === c.end ? c : moved(c, start, end);
}

/**
 * Cues re-timed to the rules where the silence around them allows: a cue too short for its text is
 * extended (later first, then earlier), a too-long one trimmed, and one too close to the next ends
 * a gap before it. Text and order never change; what has no room stays a problem to fix by hand.
 */
export function fixTiming(cues: readonly Cue[], rules: TimingRules = TIMING_RULES): readonly Cue[] {
  const out: Cue[] = [];
  cues.forEach((c, i) => out.push(fitted(c, out.at(-1)?.end ?? -Infinity, cues[i + 1]?.start ?? Infinity, rules)));
  return Object.freeze(out);
}
