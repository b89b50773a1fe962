import { compile, parse } from 'ass-compiler';
import { describe, expect, it } from 'vitest';
import { assColour, assTime, toAss } from './ass-format.ts';
import { captionStyle } from './caption-style.ts';
import { cue, word } from './cue.ts';

const words = [word(0.3, 0.6, ' And'), word(0.6, 0.9, ' so'), word(1.1, 1.4, ' my'), word(1.4, 1.9, ' fellow'), word(1.9, 2.6, ' Americans,')];
const cues = [cue(0.2, 2.8, ' And so my fellow Americans,', words), cue(3.2, 7.5, ' ask not what your country can do for you, ask what you can do for your country.')];
const options = { width: 640, height: 360, title: 'jfk.mp4' };

describe('ASS export', () => {
  it('writes times in centiseconds and colours as &HAABBGGRR', () => {
    expect(assTime(3723.456)).toBe('1:02:03.46');
    expect(assColour('#ffd400')).toBe('&H0000D4FF');
  });

  it('parses back (ass-compiler) with the same times and text, in the chosen style', () => {
    const style = captionStyle({ position: 'top', backing: 'box', sizePercent: 10 });
    const parsed = parse(toAss(cues, { ...options, style }));
    const lines = parsed.events.dialogue.map((d) => [d.Start, d.End, d.Text.combined.replace(/\\N/g, ' ')]);
    expect(lines).toEqual([[0.2, 2.8, 'And so my fellow Americans,'], [3.2, 7.5, 'ask not what your country can do for you, ask what you can do for your country.']]);
    const compiled = compile(toAss(cues, { ...options, style }), {});
    expect(compiled.styles.Default.style).toMatchObject({ Alignment: 8, BorderStyle: 3, Fontsize: 36 });
    expect(compiled.width).toBe(640);
  });

  it('times each word with \\k so every word lights at its start', () => {
    const text = toAss(cues, { ...options, style: captionStyle({ karaoke: true }) });
    const first = parse(text).events.dialogue[0];
    const ks = first.Text.parsed.flatMap((p) => p.tags.flatMap((t) => ('k' in t ? [t.k as number] : [])));
    expect(ks).toEqual([10, 30, 50, 30, 50, 70]); // a 0.1 s lead, then each word until the next one starts
    let at = cues[0].start;
    const starts = ks.slice(1).map((_, i) => (at += ks[i] / 100));
    starts.forEach((s, i) => expect(s).toBeCloseTo(words[i].start, 5));
    expect(first.Text.combined).toBe('And so my fellow Americans,');
  });
});
