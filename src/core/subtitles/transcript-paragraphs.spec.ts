import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';
import { transcriptParagraphs } from './transcript-paragraphs.ts';

describe('transcript paragraphs', () => {
  it('runs cues together and starts a paragraph after a long pause', () => {
    const cues = [segment(0, 2, 'And so my fellow\nAmericans,'), segment(2.5, 5, 'ask not.'), segment(9, 10, 'Next.')];
    expect(transcriptParagraphs(cues)).toEqual([{ start: 0, text: 'And so my fellow Americans, ask not.' }, { start: 9, text: 'Next.' }]);
  });
});
