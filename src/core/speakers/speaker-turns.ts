import { cue, type Cue, type Word } from '../subtitles/cue.ts';
import type { Cues } from '../subtitles/cue-edits.ts';

/** A stretch of the media said by one speaker, as detection found it. */
export interface SpeakerTurn {
  readonly start: number;
  readonly end: number;
  readonly speaker: string;
}

/** The turn at `time`, else the nearest (a word just outside every turn goes to the closest). */
export function speakerAt(turns: readonly SpeakerTurn[], time: number): string | undefined {
  let best: SpeakerTurn | undefined;
  let distance = Infinity;
  for (const t of turns) {
    const d = time < t.start ? t.start - time : time > t.end ? time - t.end : 0;
    if (d < distance) [best, distance] = [t, d];
    if (d === 0) break;
  }
  return best?.speaker;
}

const textOf = (words: readonly Word[]): string => words.map((w) => w.text.trim()).filter(Boolean).join(' ');

/** A cue's words in runs of one speaker each. */
function runs(words: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  for (const w of words) {
    const run = out.at(-1);
    if (run && run[0].speaker === w.speaker) run.push(w);
    else out.push([w]);
  }
  return out;
}

/** One cue cut where its speaker changes: each piece keeps its words and spans to the next piece's first word. */
function cutAtChanges(c: Cue, words: readonly Word[]): Cue[] {
  const pieces = runs(words);
  return pieces.map((run, i) => {
    const start = i === 0 ? c.start : run[0].start;
    const end = i === pieces.length - 1 ? c.end : pieces[i + 1][0].start;
    return cue(start, Math.max(start, end), textOf(run), run, run[0].speaker);
  });
}

/**
 * Cues labelled by detection's turns: every word gets the speaker at its middle, a cue is cut where
 * its speaker changes, and a cue without words gets the speaker at its middle.
 */
export function labelByTurns(cues: Cues, turns: readonly SpeakerTurn[]): Cues {
  if (turns.length === 0) return cues;
  return Object.freeze(
    cues.flatMap((c) => {
      if (!c.words || c.words.length === 0) return [cue(c.start, c.end, c.text, c.words, speakerAt(turns, (c.start + c.end) / 2))];
      const words = c.words.map((w) => Object.freeze({ ...w, speaker: speakerAt(turns, (w.start + w.end) / 2) }));
      return cutAtChanges(c, words);
    }),
  );
}
