import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCues } from '../subtitles/formats.ts';
import { cue } from '../subtitles/cue.ts';
import { exportAllZip } from './export-all.ts';

describe('exportAllZip', () => {
  it('puts every project in every format into one ZIP, named after the media, names kept apart', () => {
    const cues = [cue(0, 1.5, 'Hello there'), cue(2, 3, 'General Kenobi')];
    const zip = exportAllZip([{ name: 'talk.mp3', cues }, { name: 'talk.wav', cues }, { name: 'other.mp4', cues: [] }], ['srt', 'vtt']);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['other.srt', 'other.vtt', 'talk (2).srt', 'talk (2).vtt', 'talk.srt', 'talk.vtt']);
    expect(parseCues(strFromU8(files['talk.srt'])).map((c) => c.text)).toEqual(['Hello there', 'General Kenobi']);
    expect(parseCues(strFromU8(files['talk (2).vtt'])).map((c) => [c.start, c.end])).toEqual([[0, 1.5], [2, 3]]);
  });

  it('never drops a project whose name collides with a numbered one, nor writes outside the ZIP', () => {
    const cues = [cue(0, 1, 'x')];
    const names = ['talk.mp3', 'talk (2).mp3', 'talk.wav', 'TALK.mp4', '../evil.mp3', 'C:\\a\\b.mp3'];
    const files = unzipSync(exportAllZip(names.map((name) => ({ name, cues })), ['srt']));
    expect(Object.keys(files)).toHaveLength(names.length);
    expect(Object.keys(files).sort()).toEqual(['_evil.srt', 'C__a_b.srt', 'TALK (4).srt', 'talk (3).srt', 'talk (2).srt', 'talk.srt'].sort());
  });
});
