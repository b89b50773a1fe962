import { describe, expect, it } from 'vitest';
import { captionCues } from './caption-cues.ts';
import { cue, word } from './cue.ts';

describe('caption cues', () => {
  it('cuts a long timed segment between words, each cue keeping its words and starting at its first word', () => {
    const texts = 'ask not what your country can do for you ask what you can do for your country and so my fellow Americans'.split(' ');
    const words = texts.map((t, i) => word(i * 0.4, i * 0.4 + 0.3, ` ${t}`));
    const cues = captionCues([cue(0, texts.length * 0.4, words.map((w) => w.text).join(''), words)], { maxLineLength: 20, maxLines: 2, minDuration: 0.5 });
    expect(cues.length).toBeGreaterThan(1);
    expect(cues.flatMap((c) => c.words!.map((w) => w.text.trim()))).toEqual(texts);
    for (const cue of cues) {
      expect(cue.text.split('\n').every((line) => line.length <= 20)).toBe(true);
      expect(cue.start).toBeLessThanOrEqual(cue.words![0].start);
    }
    cues.slice(1).forEach((cue, i) => expect(cue.start).toBeGreaterThanOrEqual(cues[i].end));
  });

  it('keeps an untimed segment as toCues would', () => {
    expect(captionCues([cue(1, 2, ' hello ')])).toEqual([cue(1, 2, 'hello')]);
  });
});
