import type { Cue } from './cue.ts';

/** A pause at least this long starts a new paragraph of a written transcript. */
export const PARAGRAPH_PAUSE_SECONDS = 2;

/** A paragraph of a written transcript: when it starts and its cues' text, run together. */
export interface Paragraph {
  readonly start: number;
  readonly text: string;
  /** Who says it: a paragraph is one turn when the cues have speakers. */
  readonly speaker?: string;
}

/** Cues as paragraphs of prose, a new one after each long pause and at each change of speaker; line breaks inside cues become spaces. */
export function transcriptParagraphs(cues: readonly Cue[], pause = PARAGRAPH_PAUSE_SECONDS): Paragraph[] {
  const groups: Cue[][] = [];
  for (const cue of cues) {
    const last = groups.at(-1);
    if (last && cue.start - last.at(-1)!.end < pause && cue.speaker === last[0].speaker) last.push(cue);
    else groups.push([cue]);
  }
  const textOf = (group: readonly Cue[]): string => group.map((c) => c.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
  return groups.map((group) => Object.freeze({ start: group[0].start, text: textOf(group), ...(group[0].speaker ? { speaker: group[0].speaker } : {}) }));
}
