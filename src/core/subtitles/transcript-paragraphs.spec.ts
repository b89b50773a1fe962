import { describe, expect, it } from 'vitest';
import { cue } from './cue.ts';
import { transcriptParagraphs } from './transcript-paragraphs.ts';

describe('transcript paragraphs', () => {
  it('runs cues together and starts a paragraph after a long pause', () => {
    const cues = [cue(0, 2, 'And so my fellow\nAmericans,'), cue(2.5, 5, 'ask not.'), cue(9, 10, 'Next.')];
    expect(transcriptParagraphs(cues)).toEqual([{ start: 0, text: 'And so my fellow Americans, ask not.' }, { start: 9, text: 'Next.' }]);
  });
});
