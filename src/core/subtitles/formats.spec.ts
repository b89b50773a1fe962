import { describe, expect, it } from 'vitest';
import { toCues } from './cues.ts';
import { parseCues, toJson, toSrt, toText, toVtt } from './formats.ts';
import { cue, word } from './cue.ts';
import { formatTimestamp, parseTimestamp } from './timestamp.ts';

const segments = [
  cue(0, 2.5, ' And so my fellow Americans'),
  cue(2.5, 11, ' ask not what your country can do for you, ask what you can do for your country.'),
];

describe('timestamps', () => {
  it('formats and parses SRT and VTT times', () => {
    expect(formatTimestamp(3661.5, ',')).toBe('01:01:01,500');
    expect(formatTimestamp(0.0004, '.')).toBe('00:00:00.000');
    expect(parseTimestamp('01:01:01,500')).toBe(3661.5);
    expect(parseTimestamp('01:02.250')).toBe(62.25);
    expect(parseTimestamp('nope')).toBeNull();
  });
});

describe('cues', () => {
  it('splits long segments to honour 2 lines of 42 characters, keeping times in order', () => {
    const long = cue(0, 10, 'word '.repeat(60).trim());
    const cues = toCues([long]);
    expect(cues.length).toBeGreaterThan(1);
    for (const cue of cues) {
      const lines = cue.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(42);
    }
    expect(cues[0].start).toBe(0);
    expect(cues.at(-1)!.end).toBe(10);
  });

  it('orders, de-overlaps and drops empty segments', () => {
    const cues = toCues([cue(5, 9, 'b'), cue(0, 6, 'a'), cue(7, 7, '  ')]);
    expect(cues.map((c) => c.text)).toEqual(['a', 'b']);
    expect(cues[0].end).toBeLessThanOrEqual(cues[1].start);
  });
});

describe('SRT and WebVTT', () => {
  it('writes numbered SRT cues with comma milliseconds that parse back', () => {
    const srt = toSrt(segments);
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:02,500\nAnd so my fellow Americans\n')).toBe(true);
    expect(srt).toContain('\n2\n00:00:02,500 --> ');
    const back = parseCues(srt);
    expect(back.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(segments.map((s) => s.text.trim()).join(' '));
    expect(back.every((c, i) => i === 0 || c.start >= back[i - 1].end)).toBe(true);
  });

  it('writes WebVTT with a header and dot milliseconds that parse back', () => {
    const vtt = toVtt(segments);
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n')).toBe(true);
    expect(parseCues(vtt)[0]).toEqual(cue(0, 2.5, 'And so my fellow Americans'));
  });

  it('writes plain text and JSON', () => {
    expect(toText(segments)).toBe('And so my fellow Americans\nask not what your country can do for you, ask what you can do for your country.\n');
    expect(JSON.parse(toJson(segments)).segments[1]).toEqual({ start: 2.5, end: 11, text: segments[1].text.trim() });
    const timed = cue(0, 1, 'Ask not', [word(0, 0.4, ' Ask'), word(0.4, 1, ' not')]);
    expect(JSON.parse(toJson([timed])).segments[0].words).toEqual([{ start: 0, end: 0.4, text: 'Ask' }, { start: 0.4, end: 1, text: 'not' }]);
  });
});
