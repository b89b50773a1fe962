import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCues } from '../subtitles/formats.ts';
import { segment } from '../subtitles/segment.ts';
import { exportAllZip } from './export-all.ts';

describe('exportAllZip', () => {
  it('puts every project in every format into one ZIP, named after the media, names kept apart', () => {
    const cues = [segment(0, 1.5, 'Hello there'), segment(2, 3, 'General Kenobi')];
    const zip = exportAllZip([{ name: 'talk.mp3', cues }, { name: 'talk.wav', cues }, { name: 'other.mp4', cues: [] }], ['srt', 'vtt']);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['other.srt', 'other.vtt', 'talk (2).srt', 'talk (2).vtt', 'talk.srt', 'talk.vtt']);
    expect(parseCues(strFromU8(files['talk.srt'])).map((c) => c.text)).toEqual(['Hello there', 'General Kenobi']);
    expect(parseCues(strFromU8(files['talk (2).vtt'])).map((c) => [c.start, c.end])).toEqual([[0, 1.5], [2, 3]]);
  });
});
