import { describe, expect, it } from 'vitest';
import { cue, word } from './cue.ts';
import { cuesIn, shifted, spanAround, spanOfCues, textBefore } from './cue-span.ts';

const cues = [cue(0, 2, 'a'), cue(2.5, 4, 'b'), cue(4.2, 6, 'c'), cue(7, 9, 'd')];

describe('cue spans', () => {
  it('spans the media of a run of cues, in either order', () => {
    expect(spanOfCues(cues, 1, 2)).toEqual({ from: 2.5, to: 6 });
    expect(spanOfCues(cues, 2, 1)).toEqual({ from: 2.5, to: 6 });
  });

  it('finds the cues a span holds, or where a new take goes when it holds none', () => {
    expect(cuesIn(cues, { from: 2.5, to: 6 })).toEqual({ index: 1, count: 2 });
    expect(cuesIn(cues, { from: 6.2, to: 6.8 })).toEqual({ index: 3, count: 0 });
    expect(cuesIn(cues, { from: 10, to: 11 })).toEqual({ index: 4, count: 0 });
  });

  it('widens a span drawn on the timeline to the whole cues it cuts into', () => {
    expect(spanAround(cues, { from: 3, to: 5 })).toEqual({ from: 2.5, to: 6 });
    expect(spanAround(cues, { from: 6.1, to: 6.9 })).toEqual({ from: 6.1, to: 6.9 }); // between cues: as drawn
    expect(cuesIn(cues, spanAround(cues, { from: 1, to: 2.6 }))).toEqual({ index: 0, count: 2 });
  });

  it('gives the last words said before a stretch, as its context', () => {
    expect(textBefore(cues, 4.2)).toBe('a b');
    expect(textBefore([cue(0, 1, 'one two three'), cue(1, 2, 'four')], 2, 3)).toBe('two three four');
    expect(textBefore(cues, 0)).toBe('');
  });

  it('moves cues and their words onto the media timeline', () => {
    const [c] = shifted([cue(0, 1, 'x', [word(0, 1, ' x', 0.4)])], 2.5);
    expect([c.start, c.end, c.words?.[0].start, c.words?.[0].probability]).toEqual([2.5, 3.5, 2.5, 0.4]);
  });
});
