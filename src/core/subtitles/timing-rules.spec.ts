import { describe, expect, it } from 'vitest';
import { cue, word } from './cue.ts';
import { fixTiming, nextProblem, timingProblems, TIMING_RULES, withinRules } from './timing-rules.ts';

const text34 = 'This sentence holds thirty-four ch'; // 34 characters: 2 s at 17 per second

describe('timing rules', () => {
  it('finds each broken rule', () => {
    const cues = [cue(0, 1, text34), cue(1.02, 1.5, 'Hi.'), cue(3, 11, 'Long.'), cue(12, 14, 'x'.repeat(90))];
    expect(cues.map((_, i) => timingProblems(cues, i))).toEqual([['reading-speed', 'gap'], ['too-short'], ['too-long'], ['reading-speed', 'lines']]);
    expect(nextProblem(cues, 0)).toBe(1);
    expect(nextProblem(cues, 3)).toBe(0);
    expect(nextProblem([cue(0, 2, 'Fine.')], 0)).toBe(-1);
    expect(withinRules([cue(0, 2, 'Fine.'), cue(3, 3.2, 'x')])).toBe(0.5);
  });

  it('extends a cue into the silence after it, then before it, leaving two frames', () => {
    const fixed = fixTiming([cue(0, 0.5, 'Hello.'), cue(1.5, 2, text34, [word(1.5, 2, text34)]), cue(3.2, 5, 'Next.')]);
    expect(fixed[0]).toMatchObject({ start: 0, end: 0.834 });
    expect(fixed[1]).toMatchObject({ start: 1.12, end: 3.12 });
    expect(fixed[1].words![0]).toMatchObject({ start: 1.5, end: 2 });
    expect(fixed.map((_, i) => timingProblems(fixed, i))).toEqual([[], [], []]);
  });

  it('trims a cue too long or too close to the next, and leaves what has no room', () => {
    const fixed = fixTiming([cue(0, 9, 'A long one.'), cue(9, 9.02, text34), cue(9.1, 12, 'After.')]);
    expect(fixed[0].end).toBe(7);
    expect(fixed.map((_, i) => timingProblems(fixed, i))).toEqual([[], ['reading-speed'], []]);
    expect(fixed[1].start).toBeGreaterThanOrEqual(7 + TIMING_RULES.gapFrames / TIMING_RULES.fps - 1e-9);
  });

  it('changes nothing in cues that keep the rules', () => {
    const fine = [cue(0, 2, 'Fine.'), cue(3, 5, 'Also fine.')];
    expect(fixTiming(fine)).toEqual(fine);
    expect(fixTiming(fine)[0]).toBe(fine[0]);
  });
});
