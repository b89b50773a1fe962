import type { Cues } from '../subtitles/cue-edits.ts';
import { history, type History } from '../subtitles/edit-history.ts';
import { step, type EditOp } from './edit-log.ts';

/**
 * A project is saved as a log, one entry at a time: the cues of each transcribed window as it
 * comes, and each edit as it is made. Saving is then O(change), never the whole transcript.
 */
export type LogEntry = { readonly kind: 'cues'; readonly cues: Cues } | { readonly kind: 'op'; readonly op: EditOp };

/**
 * The cues and their undo history from a project's log, exactly as they were live: cues from the
 * transcription are appended without an undo step (and, as live, start the history afresh); edits step it.
 */
export function replayLog(entries: readonly LogEntry[]): History<Cues> {
  return entries.reduce<History<Cues>>((h, entry) => (entry.kind === 'cues' ? history(Object.freeze([...h.present, ...entry.cues])) : step(h, entry.op)), history(Object.freeze([])));
}
