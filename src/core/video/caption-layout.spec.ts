import { describe, expect, it } from 'vitest';
import { cue, word } from '../subtitles/cue.ts';
import { captionWords, cueAt, layoutCaption, wordAt } from './caption-layout.ts';

const measure = (text: string): number => text.length * 10; // a monospace font, 10 px a character

describe('caption layout', () => {
  it('wraps words to the width, keeping their indexes and x positions', () => {
    const lines = layoutCaption(['ask', 'not', 'what', 'your', 'country'], 150, measure);
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['ask not what', 'your country']);
    expect(lines[1].words.map((w) => [w.index, w.x])).toEqual([[3, 0], [4, 50]]);
    expect(lines[0].width).toBe(120);
    expect(layoutCaption(['supercalifragilistic'], 50, measure)).toHaveLength(1);
  });

  it('finds the cue at a time and the word being spoken', () => {
    const cues = [cue(0, 2, 'a'), cue(2.5, 4, 'b', [word(2.6, 3, ' ask'), word(3.2, 3.5, ' not')]), cue(5, 6, 'c')];
    expect([0, 1.99, 2, 2.5, 3.9, 4, 5.5, 7].map((t) => cueAt(cues, t))).toEqual([0, 0, -1, 1, 1, -1, 2, -1]);
    expect([2.55, 2.6, 3.1, 3.2, 3.99].map((t) => wordAt(cues[1], t))).toEqual([-1, 0, 0, 1, 1]);
    expect(captionWords(cues[1])).toEqual(['ask', 'not']);
    expect(captionWords(cue(0, 1, 'two\nlines'))).toEqual(['two', 'lines']);
  });
});
