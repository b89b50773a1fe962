import { describe, expect, it } from 'vitest';
import { toAss } from './ass-format.ts';
import { captionStyle } from './caption-style.ts';
import { toSrt, toVtt } from './formats.ts';
import { importSubtitles, subtitleKind } from './import-subtitles.ts';
import { segment } from './segment.ts';

const cues = [segment(0.5, 2.25, 'And so my fellow Americans,'), segment(3, 7.5, 'ask not what your country can do for you,\nask what you can do for your country.')];

describe('subtitle import', () => {
  it('reads SRT, WebVTT and ASS back to the same cues', () => {
    for (const text of [toSrt(cues), toVtt(cues), toAss(cues, { width: 640, height: 360, title: 't', style: captionStyle({ karaoke: true }) })]) {
      expect(importSubtitles('x', text)).toEqual(cues);
    }
    expect(subtitleKind('\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhi\n')).toBe('srt');
  });

  it('an SRT exported from imported cues is the file that came in', () => {
    const srt = toSrt(cues);
    expect(toSrt(importSubtitles('x.srt', srt))).toBe(srt);
  });

  it('names the file that is not subtitles, or has no cues', () => {
    expect(() => importSubtitles('notes.txt', 'hello')).toThrow(/notes.txt is not an SRT, WebVTT or ASS/);
    expect(() => importSubtitles('empty.vtt', 'WEBVTT\n\n')).toThrow(/empty.vtt holds no cues/);
  });
});
