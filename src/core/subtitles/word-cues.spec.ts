import { describe, expect, it } from 'vitest';
import { word, type Cue, type Word } from './cue.ts';
import { WORD_CUE_LIMITS, wordCues } from './word-cues.ts';

/** Words of `text` spoken from `start`, each `each` seconds long, back to back. */
function spoken(text: string, start: number, each = 0.3): Word[] {
  return text.split(' ').map((t, i) => word(start + i * each, start + (i + 1) * each, ` ${t}`));
}

function withinLimits(cues: readonly Cue[]): void {
  cues.forEach((cue, i) => {
    const lines = wrap(cue.text);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(42);
    expect(cue.end - cue.start).toBeLessThanOrEqual(WORD_CUE_LIMITS.maxSeconds + 1e-9);
    if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1].end);
    expect(cue.start).toBeLessThanOrEqual(cue.words![0].start);
    expect(cue.end).toBeGreaterThanOrEqual(cue.words!.at(-1)!.end);
  });
}

describe('word-timed cues', () => {
  it('splits at sentence ends and keeps the words of each cue', () => {
    const cues = wordCues([...spoken('And so my fellow Americans.', 0), ...spoken('Ask not what your country can do.', 1.5)]);
    expect(cues.map((c) => c.text)).toEqual(['And so my fellow Americans.', 'Ask not what your country can do.']);
    expect(cues[1].words).toHaveLength(7);
    withinLimits(cues);
  });
  it('splits at pauses', () => {
    const cues = wordCues([...spoken('one two', 0), ...spoken('three four', 5)]);
    expect(cues.map((c) => [c.text, c.start])).toEqual([['one two', 0], ['three four', 5]]);
  });
  it('keeps long speech within two lines of 42 characters and 7 s', () => {
    const text = Array.from({ length: 120 }, (_, i) => ['we', 'shall', 'fight', 'on', 'the', 'beaches'][i % 6]).join(' ');
    const cues = wordCues(spoken(text, 2, 0.45));
    expect(cues.length).toBeGreaterThanOrEqual(8);
    for (const cue of cues) {
      const lines = wrap(cue.text);
      expect(lines.length).toBeLessThanOrEqual(2);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(42);
    }
    withinLimits(cues);
    expect(cues.flatMap((c) => c.words!).length).toBe(120);
  });
  it('stretches a short cue to a second into the silence around it, never over a neighbour nor the two frames before it', () => {
    const cues = wordCues([word(1, 1.2, ' Yes.'), word(1.6, 1.9, ' No.'), word(5, 5.3, ' Maybe.')]);
    expect(cues[0].end).toBe(1.52);
    expect(cues[0].end - cues[0].start).toBeGreaterThanOrEqual(5 / 6);
    expect(cues[2].end - cues[2].start).toBeCloseTo(1, 5);
    withinLimits(cues);
  });
  it('joins a cue that has no room for a second to the closer neighbour, when they fit together', () => {
    const cues = wordCues([...spoken('Ask not what your country can do for you.', 0, 0.3), word(2.75, 3.0, ' Yes.'), ...spoken('Ask what you can do.', 3.0, 0.3)]);
    expect(cues.map((c) => c.text)).toEqual(['Ask not what your country can do for you.', 'Yes. Ask what you can do.']);
    withinLimits(cues);
    cues.forEach((c) => expect(c.end - c.start).toBeGreaterThanOrEqual(1));
  });
  it('repairs words that overlap or run backwards and drops empty ones', () => {
    const cues = wordCues([word(2, 2.5, ' a'), word(2.4, 2.3, ' b'), word(3, 3.1, ' '), word(1, 20, ' c')]);
    expect(cues.map((c) => c.text).join(' ')).toBe('a b c');
    withinLimits(cues);
  });
});

function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const w of text.split(' ')) {
    const line = lines.at(-1);
    if (line !== undefined && line.length + 1 + w.length <= 42) lines[lines.length - 1] = `${line} ${w}`;
    else lines.push(w);
  }
  return lines;
}
