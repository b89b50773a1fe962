import { describe, expect, it } from 'vitest';
import { toAss } from './ass-format.ts';
import { captionStyle } from './caption-style.ts';
import { toSrt, toVtt } from './formats.ts';
import { importSubtitles, MAX_IMPORT_CUES, subtitleKind } from './import-subtitles.ts';
import { cue } from './cue.ts';

const cues = [cue(0.5, 2.25, 'And so my fellow Americans,'), cue(3, 7.5, 'ask not what your country can do for you,\nask what you can do for your country.')];
const texts = (name: string, text: string) => importSubtitles(name, text).cues.map((c) => c.text);

describe('subtitle import', () => {
  it('reads SRT, WebVTT and ASS back to the same cues', () => {
    for (const text of [toSrt(cues), toVtt(cues), toAss(cues, { width: 640, height: 360, title: 't', style: captionStyle({ karaoke: true }) })]) {
      expect(importSubtitles('x', text)).toEqual({ cues, skipped: 0 });
    }
    expect(subtitleKind('\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhi\n')).toBe('srt');
  });

  it('an SRT exported from imported cues is the file that came in', () => {
    const srt = toSrt(cues);
    expect(toSrt(importSubtitles('x.srt', srt).cues)).toBe(srt);
  });

  it('escapes WebVTT cue text so <, & and --> stay text, and reads it back as it was', () => {
    const tricky = [cue(0, 1, 'a < b && c --> d'), cue(1, 2, '<i>not a tag</i> & more')];
    const vtt = toVtt(tricky);
    expect(vtt).toContain('a &lt; b &amp;&amp; c --&gt; d');
    expect(vtt.match(/-->/g)).toHaveLength(2); // only the timing lines
    expect(texts('x.vtt', vtt)).toEqual(['a < b && c --> d', '<i>not a tag</i> & more']);
  });

  it('reads SRT as found in the wild: no numbers, CRLF, tags, {\\an8}, odd timestamps, empty cues and a block with no readable time', () => {
    const srt = [
      '00:00:01,000 --> 00:00:02,000\r\n<i>Italic</i> and <font color="#ff0">yellow</font>',
      '7\r\n0:00:03,5 --> 0:00:04,25\r\n{\\an8}On top',
      '8\r\n00:00:05:000 --> 00:00:06:000\r\n',
      '9\r\n00:00:07.000-->00:00:08.000 X1:10 X2:20\r\nDots, no spaces',
      '10\r\nsoon --> later\r\nNo time',
    ].join('\r\n\r\n');
    const imported = importSubtitles('film.srt', srt);
    expect(imported.cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 2, 'Italic and yellow'], [3.5, 4.25, 'On top'], [7, 8, 'Dots, no spaces']]);
    expect(imported.skipped).toBe(1);
  });

  it('reads WebVTT with a header, styles, notes, ids, settings, voices and character references', () => {
    const vtt = 'WEBVTT - a film\nKind: captions\n\nSTYLE\n::cue { color: yellow }\n\nNOTE a note\n\nintro\n00:01.000 --> 00:02.000 align:start line:0\n<v Anna>Hello &amp; welcome</v>\n\n00:02.000 --> 00:03.000\n<c.loud>Tom &lt;3</c>\n';
    expect(texts('a.vtt', vtt)).toEqual(['Hello & welcome', 'Tom <3']);
  });

  it('reads ASS by its Format line, commas in the text kept, and a hostile run of override braces in one pass', () => {
    const ass = '[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nComment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,hidden\nDialogue: 0,0:00:01.00,0:00:02.50,Default,Anna,0,0,0,,{\\b1}Well, yes{\\b0}, no\\Nsecond line\n';
    expect(importSubtitles('a.ass', ass).cues).toEqual([cue(1, 2.5, 'Well, yes, no\nsecond line', undefined, 'Anna')]);
    const hostile = ass.replace('{\\b1}Well', `${'{\\'.repeat(200_000)}Well`);
    expect(texts('h.ass', hostile)[0].endsWith('Well, yes, no\nsecond line')).toBe(true);
  });

  it('refuses more cues than a project takes, saying how many and what to do', () => {
    const many = Array.from({ length: MAX_IMPORT_CUES + 1 }, (_, i) => `${i + 1}\n${toSrt([cue(i, i + 0.5, 'x')]).split('\n')[1]}\nx\n`).join('\n');
    expect(() => importSubtitles('huge.srt', many)).toThrow(/huge.srt has 20,001 cues; one project takes up to 20,000\. Split the file/);
  });

  it('names the file that is not subtitles, or has no cues', () => {
    expect(() => importSubtitles('notes.txt', 'hello')).toThrow(/notes.txt is not an SRT, WebVTT or ASS/);
    expect(() => importSubtitles('empty.vtt', 'WEBVTT\n\n')).toThrow(/empty.vtt holds no cues/);
  });
});
