import { describe, expect, it } from 'vitest';
import { findLoop, trimLoop } from './repetition.ts';
import { isSilent } from './silence.ts';
import { settleWindow, windowAt } from './windows.ts';

describe('window planning', () => {
  it('cuts audio into 30 s windows', () => {
    expect(windowAt(0, 66)).toEqual({ start: 0, end: 30 });
    expect(windowAt(50, 66)).toEqual({ start: 50, end: 66 });
  });

  it('re-decodes a segment that runs into the window edge in the next window', () => {
    const { segments, nextSeek } = settleWindow({ start: 0, end: 30 }, [
      { start: 0, end: 12, text: ' one' },
      { start: 12, end: 25.5, text: ' two' },
      { start: 25.5, end: null, text: ' thr' },
    ], 66);
    expect(segments.map((s) => s.text)).toEqual(['one', 'two']);
    expect(nextSeek).toBe(25.5);
  });

  it('moves on from a window with nothing in it, and closes open ends in the last window', () => {
    expect(settleWindow({ start: 30, end: 60 }, [], 66).nextSeek).toBe(60);
    const last = settleWindow({ start: 60, end: 66 }, [{ start: 1, end: null, text: ' end' }], 66);
    expect(last.segments).toEqual([{ start: 61, end: 66, text: 'end' }]);
    expect(last.nextSeek).toBe(66);
  });

  it('always makes progress', () => {
    const { nextSeek } = settleWindow({ start: 10, end: 40 }, [{ start: 0.2, end: null, text: ' x' }], 100);
    expect(nextSeek).toBeGreaterThan(10);
  });
});

describe('repetition loops', () => {
  it('finds a word or phrase repeated four times in a row', () => {
    expect(findLoop('I was like, like, like, like, like, so')).toBe(3);
    expect(findLoop('we go on and on and on and on and on')).not.toBeNull();
    expect(findLoop('ask not what your country can do for you, ask what you can do for your country')).toBeNull();
  });

  it('keeps the text before the loop and one occurrence', () => {
    expect(trimLoop('I was like, like, like, like, like')).toBe('I was like,');
    expect(trimLoop('fine as it is')).toBe('fine as it is');
  });
});

describe('silence', () => {
  it('tells silence and faint hiss from speech-level signal', () => {
    expect(isSilent(new Float32Array(16000))).toBe(true);
    expect(isSilent(Float32Array.from({ length: 16000 }, (_, i) => 0.001 * Math.sin(i)))).toBe(true);
    expect(isSilent(Float32Array.from({ length: 16000 }, (_, i) => 0.2 * Math.sin(i / 5)))).toBe(false);
  });
});
