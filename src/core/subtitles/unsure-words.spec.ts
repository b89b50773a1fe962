import { describe, expect, it } from 'vitest';
import { cue, word } from './cue.ts';
import { isUnsureWord, nextUnsure, tellsSureness, unsureSpots } from './unsure-words.ts';

const cues = [
  cue(0, 2, 'And so my', [word(0, 0.5, ' And', 0.9), word(0.5, 1, ' so', 0.3), word(1, 2, ' my', 0.95)]),
  cue(2, 4, 'fellow Americans', [word(2, 3, ' fellow', 0.99), word(3, 4, ' Americans', 0.2)]),
  cue(4, 5, 'edited by hand'),
];

describe('unsure words', () => {
  it('marks words under the probability, never words without one', () => {
    expect(isUnsureWord(word(0, 1, ' x', 0.49))).toBe(true);
    expect(isUnsureWord(word(0, 1, ' x', 0.5))).toBe(false);
    expect(isUnsureWord(word(0, 1, ' x'))).toBe(false);
    expect(unsureSpots(cues)).toEqual([{ cue: 0, word: 1, start: 0.5 }, { cue: 1, word: 1, start: 3 }]);
  });

  it('jumps to the next unsure word after the playhead, and wraps', () => {
    expect(nextUnsure(cues, 0)).toEqual({ cue: 0, word: 1, start: 0.5 });
    expect(nextUnsure(cues, 0.5)).toEqual({ cue: 1, word: 1, start: 3 });
    expect(nextUnsure(cues, 3.5)).toEqual({ cue: 0, word: 1, start: 0.5 });
    expect(nextUnsure([cues[2]], 0)).toBeNull();
  });

  it('tells whether the decoder gave probabilities at all', () => {
    expect(tellsSureness(cues)).toBe(true);
    expect(tellsSureness([cue(0, 1, 'x', [word(0, 1, ' x')])])).toBe(false);
  });
});
