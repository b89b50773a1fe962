import type { Cue } from './cue.ts';

/**
 * A speaker's colour: by the order speakers first speak, so a rename keeps it and a reload shows
 * the same one. Okabe–Ito's hues (told apart with common colour blindness), then they repeat.
 */
export const SPEAKER_COLOURS = Object.freeze(['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2', '#999999']);

/** The speakers of cues, in the order they first speak. */
export function speakersOf(cues: readonly Cue[]): string[] {
  const seen = new Set<string>();
  for (const c of cues) if (c.speaker) seen.add(c.speaker);
  return [...seen];
}

export function speakerColour(speakers: readonly string[], speaker: string | undefined): string | null {
  const at = speaker === undefined ? -1 : speakers.indexOf(speaker);
  return at < 0 ? null : SPEAKER_COLOURS[at % SPEAKER_COLOURS.length];
}
