import { describe, expect, it } from 'vitest';
import { DEFAULT_VAD } from '../transcribe/speech-regions.ts';
import { currentUtterance } from './utterance-span.ts';

const FRAME = DEFAULT_VAD.frameSamples / 16_000;

/** Speech probabilities of `heard` seconds with speech in the given spans. */
const probs = (heard: number, ...speech: [number, number][]): number[] =>
  Array.from({ length: Math.floor(heard / FRAME) }, (_, i) => (speech.some(([a, b]) => i * FRAME >= a && i * FRAME < b) ? 0.9 : 0.05));

describe('the utterance being spoken', () => {
  it('is none before speech, and open (to the audio heard) while speech goes on', () => {
    expect(currentUtterance(probs(3), 3, 0)).toBeNull();
    const open = currentUtterance(probs(4, [1, 4]), 4, 0)!;
    expect(open.closed).toBe(false);
    expect(open.start).toBeCloseTo(0.6, 1);
    expect(open.end).toBeCloseTo(4, 1);
  });

  it('keeps phrases apart by a short pause in one utterance, and closes it once a long pause follows', () => {
    const phrases = currentUtterance(probs(6, [1, 3], [3.8, 5]), 6, 0)!;
    expect(phrases.end).toBeGreaterThan(5);
    expect(phrases.closed).toBe(false); // the pause after it is not yet long enough
    expect(currentUtterance(probs(7.5, [1, 3], [3.8, 5]), 7.5, 0)!.closed).toBe(true);
  });

  it('ends at a long pause when speech follows it, and the next one starts after what is done', () => {
    const first = currentUtterance(probs(9, [1, 3], [5, 9]), 9, 0)!;
    expect(first.closed).toBe(true);
    expect(first.end).toBeLessThan(4);
    const second = currentUtterance(probs(9, [1, 3], [5, 9]), 9, first.end)!;
    expect(second.start).toBeGreaterThan(4);
    expect(second.closed).toBe(false);
  });
});
