import { spokenBy, type Cue } from '../subtitles/cue.ts';
import type { Cues } from '../subtitles/cue-edits.ts';
import { speakersOf } from '../subtitles/speaker-colours.ts';


/** `indices`' cues said by `speaker` (null: by nobody named); one edit, whatever the count. */
export function assignSpeaker(cues: Cues, indices: readonly number[], speaker: string | null): Cues {
  const chosen = new Set(indices);
  const name = speaker?.trim() || null;
  return Object.freeze(cues.map((c, i) => (chosen.has(i) && (c.speaker ?? null) !== name ? spokenBy(c, name) : c)));
}

/**
 * `from` called `to` everywhere, on cues and on their words: renaming to a name another speaker
 * already has merges the two.
 */
export function renameSpeaker(cues: Cues, from: string, to: string): Cues {
  const name = to.trim();
  if (name === '' || name === from) return cues;
  const renamed = (c: Cue): Cue => {
    if (c.speaker !== from && !c.words?.some((w) => w.speaker === from)) return c;
    const words = c.words?.map((w) => (w.speaker === from ? Object.freeze({ ...w, speaker: name }) : w));
    return Object.freeze({ ...c, ...(words ? { words: Object.freeze(words) } : {}), ...(c.speaker === from ? { speaker: name } : {}) });
  };
  return Object.freeze(cues.map(renamed));
}

/** A next name nobody has: "Speaker 3" after "Speaker 1" and "Speaker 2". */
export function newSpeakerName(cues: Cues): string {
  const taken = new Set(speakersOf(cues));
  let n = taken.size + 1;
  while (taken.has(`Speaker ${n}`)) n++;
  return `Speaker ${n}`;
}
