import type { Cues } from '../subtitles/cue-edits.ts';
import { history, type History } from '../subtitles/edit-history.ts';
import { step, type EditOp } from './edit-log.ts';
import { labelByTurns, type SpeakerTurn } from '../speakers/speaker-turns.ts';

/**
 * A project is saved as a log, one entry at a time: the cues of each transcribed window as it
 * comes, and each edit as it is made. Saving is then O(change), never the whole transcript.
 */
export type LogEntry =
  | { readonly kind: 'cues'; readonly cues: Cues }
  | { readonly kind: 'op'; readonly op: EditOp }
  /** Who speaks when, as detection found it once the transcription ended: it labels the cues (and cuts them at changes). */
  | { readonly kind: 'speakers'; readonly turns: readonly SpeakerTurn[] }
  /** The waveform's next peaks (`core/media/peaks.ts`), as they were read: the timeline draws them, nothing decodes the file again. */
  | { readonly kind: 'peaks'; readonly peaks: Uint8Array };

/**
 * The cues and their undo history from a project's log, exactly as they were live: cues from the
 * transcription are appended without an undo step (and, as live, start the history afresh); edits step it.
 */
export function replayLog(entries: readonly LogEntry[]): History<Cues> {
  return entries.reduce<History<Cues>>((h, entry) => {
    if (entry.kind === 'cues') return history(Object.freeze([...h.present, ...entry.cues]));
    if (entry.kind === 'speakers') return history(labelByTurns(h.present, entry.turns));
    return entry.kind === 'op' ? step(h, entry.op) : h;
  }, history(Object.freeze([])));
}

/** The waveform's peaks from a project's log, in the order they were read. */
export const peaksOf = (entries: readonly LogEntry[]): Uint8Array => joinPeaks(entries.flatMap((e) => (e.kind === 'peaks' ? [e.peaks] : [])));

/** Peaks read one after another, as one run. */
export function joinPeaks(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** About how many bytes an entry takes on disk. */
export const entryBytes = (entry: LogEntry): number => (entry.kind === 'peaks' ? entry.peaks.length : JSON.stringify(entry).length);
