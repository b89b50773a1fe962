import { describe, expect, it } from 'vitest';
import { cue, word } from './cue.ts';
import { exportSegments } from './formats.ts';
import { importSubtitles } from './import-subtitles.ts';
import { transcriptParagraphs } from './transcript-paragraphs.ts';

const dialogue = [
  cue(0, 2, 'Where were you?', [word(0, 0.5, 'Where', 0.9), word(0.5, 1, 'were'), word(1, 2, 'you?')], 'Anna'),
  cue(2, 3, 'Out.', undefined, 'Anna'),
  cue(3.5, 5, 'At the market, <again>.', undefined, 'Ben, Jr.'),
];

describe('exports with speakers', () => {
  it('VTT puts each cue in its voice span, and reads it back', () => {
    const vtt = exportSegments('vtt', dialogue);
    expect(vtt).toContain('<v Anna>Where were you?');
    expect(vtt).toContain('<v Ben, Jr.>At the market, &lt;again&gt;.');
    expect(importSubtitles('a.vtt', vtt).cues.map((c) => [c.speaker, c.text])).toEqual([['Anna', 'Where were you?'], ['Anna', 'Out.'], ['Ben, Jr.', 'At the market, <again>.']]);
  });

  it('SRT and TXT open each turn with the name, or with a dash', () => {
    expect(exportSegments('srt', dialogue)).toMatch(/Anna: Where were you\?\n\n2\n.*\nOut\.\n\n3\n.*\nBen, Jr\.: At the market/);
    expect(exportSegments('txt', dialogue)).toBe('Anna: Where were you? Out.\nBen, Jr.: At the market, <again>.\n');
    expect(exportSegments('txt', dialogue, { speakerMark: 'dashes' })).toBe('Where were you? Out.\n- At the market, <again>.\n');
    expect(exportSegments('srt', dialogue, { speakerMark: 'dashes' })).toContain('\n- At the market');
  });

  it('ASS gives each speaker a style and names them, and reads the names back', () => {
    const ass = exportSegments('ass', dialogue);
    expect(ass).toMatch(/^Style: Anna,/m);
    expect(ass).toMatch(/^Style: Ben Jr\.,/m);
    expect(ass).toMatch(/^Dialogue: 0,0:00:03\.50,0:00:05\.00,Ben Jr\.,Ben Jr\.,/m);
    expect(importSubtitles('a.ass', ass).cues.map((c) => c.speaker)).toEqual(['Anna', 'Anna', 'Ben Jr.']);
  });

  it('JSON says the speaker of every cue and every word', () => {
    const json = JSON.parse(exportSegments('json', dialogue)) as { segments: { speaker: string; words?: { speaker: string }[] }[] };
    expect(json.segments.map((s) => s.speaker)).toEqual(['Anna', 'Anna', 'Ben, Jr.']);
    expect(json.segments[0].words!.map((w) => w.speaker)).toEqual(['Anna', 'Anna', 'Anna']);
  });

  it('paragraphs of a written transcript are turns', () => {
    expect(transcriptParagraphs(dialogue).map((p) => [p.speaker, p.text])).toEqual([['Anna', 'Where were you? Out.'], ['Ben, Jr.', 'At the market, <again>.']]);
  });

  it('cues without speakers export exactly as before', () => {
    const plain = dialogue.map((c) => cue(c.start, c.end, c.text, c.words));
    for (const format of ['srt', 'vtt', 'txt', 'json', 'ass'] as const) expect(exportSegments(format, plain)).not.toMatch(/Anna|<v |Ben/);
    expect(exportSegments('txt', plain)).toBe('Where were you?\nOut.\nAt the market, <again>.\n');
  });
});
