import { cue, type Cue } from './cue.ts';

/** How SRT and plain text say who speaks: the name ("Anna: …") or a dialogue dash ("- …") at each change of speaker. */
export type SpeakerMark = 'names' | 'dashes';

/** Whether a cue opens a turn: it has a speaker, and the cue before had another (or none). */
const opensTurn = (cues: readonly Cue[], i: number): boolean => cues[i].speaker !== undefined && cues[i].speaker !== cues[i - 1]?.speaker;

/** Cues whose text opens each turn with its mark; cues without speakers come back as they were. */
export function markSpeakers(cues: readonly Cue[], mark: SpeakerMark): readonly Cue[] {
  return cues.map((c, i) => {
    if (!opensTurn(cues, i) || (mark === 'dashes' && i === 0)) return c;
    const text = mark === 'names' ? `${c.speaker}: ${c.text.trim()}` : `- ${c.text.trim()}`;
    return cue(c.start, c.end, text, undefined, c.speaker);
  });
}

/** A turn: consecutive cues of one speaker (or of nobody named). */
export interface Turn {
  readonly speaker: string | undefined;
  readonly cues: readonly Cue[];
}

export function turnsOf(cues: readonly Cue[]): Turn[] {
  const turns: { speaker: string | undefined; cues: Cue[] }[] = [];
  for (const c of cues) {
    const last = turns.at(-1);
    if (last && last.speaker === c.speaker) last.cues.push(c);
    else turns.push({ speaker: c.speaker, cues: [c] });
  }
  return turns;
}

/** A WebVTT voice span's name: no character that would end the tag or open markup. */
export const vttVoiceName = (name: string): string => name.replace(/[<>&\n]/g, ' ').replace(/\s+/g, ' ').trim();
