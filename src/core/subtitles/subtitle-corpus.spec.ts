import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSubtitles } from './import-subtitles.ts';
import { decodeSubtitleText } from './text-encoding.ts';

/** Subtitle files as people find them (e2e/fixtures/subtitles/corpus.json says what each must give). */
const DIR = new URL('../../../e2e/fixtures/subtitles/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', DIR), 'utf8')) as { file: string; cues: number; encoding: string; cue: number; text: string }[];

describe('the subtitle corpus', () => {
  it.each(corpus)('$file: its encoding, cue count and characters', ({ file, cues, encoding, cue, text }) => {
    const decoded = decodeSubtitleText(new Uint8Array(readFileSync(new URL(file, DIR))));
    const imported = importSubtitles(file, decoded.text);
    expect([decoded.encoding, imported.cues.length, imported.cues[cue - 1].text]).toEqual([encoding, cues, text]);
    expect(imported.cues.every((c) => !c.text.includes('\uFFFD'))).toBe(true);
  });
});
