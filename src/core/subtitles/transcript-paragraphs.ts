import type { Cue } from './cue.ts';

/** A pause at least this long starts a new paragraph of a written transcript. */
export const PARAGRAPH_PAUSE_SECONDS = 2;

/** A paragraph of a written transcript: when it starts and its cues' text, run together. */
export interface Paragraph {
  readonly start: number;
  readonly text: string;
}

/** Cues as paragraphs of prose, a new one after each long pause; line breaks inside cues become spaces. */
export function transcriptParagraphs(cues: readonly Cue[], pause = PARAGRAPH_PAUSE_SECONDS): Paragraph[] {
  const groups: Cue[][] = [];
  for (const cue of cues) {
    const last = groups.at(-1);
    if (last && cue.start - last.at(-1)!.end < pause) last.push(cue);
    else groups.push([cue]);
  }
  return groups.map((group) => Object.freeze({ start: group[0].start, text: group.map((c) => c.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ') }));
}
