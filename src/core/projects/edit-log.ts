import { applyCueAction, replaceAll, type CueAction, type Cues } from '../subtitles/cue-edits.ts';
import { history, record, redo, undo, type History } from '../subtitles/edit-history.ts';
import { cue, type Cue } from '../subtitles/cue.ts';
import { assignSpeaker, renameSpeaker } from '../speakers/speaker-edits.ts';
import { fixTiming, type TimingRules } from '../subtitles/timing-rules.ts';

/**
 * What a person did to the cues, as data: saved one at a time (never the whole transcript), and
 * replayed over the transcription's cues when the project opens, so undo survives a reload.
 */
export type EditOp =
  | { readonly type: 'edit'; readonly index: number; readonly patch: Partial<Pick<Cue, 'start' | 'end' | 'text'>> }
  | { readonly type: 'act'; readonly index: number; readonly action: CueAction; readonly playhead: number }
  | { readonly type: 'replace'; readonly find: string; readonly replacement: string }
  /** `count` cues from `index` give way to `cues` (a stretch transcribed again, accepted). */
  | { readonly type: 'splice'; readonly index: number; readonly count: number; readonly cues: Cues }
  /** The cues at `indices` said by `speaker` (null: by nobody named). */
  | { readonly type: 'assign'; readonly indices: readonly number[]; readonly speaker: string | null }
  /** A speaker called `to` everywhere (a name another speaker has merges the two). */
  | { readonly type: 'rename'; readonly from: string; readonly to: string }
  /** Every cue re-timed to `rules` where the silence around it allows. */
  | { readonly type: 'fix-timing'; readonly rules: TimingRules }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** A cue keeps its word timings only while its text is the one they time. */
function edited(old: Cue, patch: Extract<EditOp, { type: 'edit' }>['patch']): Cue {
  const text = patch.text ?? old.text;
  return cue(patch.start ?? old.start, patch.end ?? old.end, text, text === old.text ? old.words : undefined, old.speaker);
}

/** The cues after one edit (not undo or redo), with how many cues a replace changed. */
export function applyEdit(cues: Cues, op: Exclude<EditOp, { type: 'undo' | 'redo' }>): { cues: Cues; count: number } {
  switch (op.type) {
    case 'edit':
      return { cues: Object.freeze(cues.map((c, i) => (i === op.index ? edited(c, op.patch) : c))), count: 1 };
    case 'act':
      return { cues: applyCueAction(cues, op.index, op.action, op.playhead), count: 1 };
    case 'replace':
      return replaceAll(cues, op.find, op.replacement);
    case 'splice':
      return { cues: Object.freeze([...cues.slice(0, op.index), ...op.cues, ...cues.slice(op.index + op.count)]), count: op.cues.length };
    case 'assign':
      return { cues: assignSpeaker(cues, op.indices, op.speaker), count: op.indices.length };
    case 'rename':
      return { cues: renameSpeaker(cues, op.from, op.to), count: 1 };
    case 'fix-timing': {
      const fixed = fixTiming(cues, op.rules);
      const count = fixed.filter((c, i) => c !== cues[i]).length;
      return { cues: count > 0 ? fixed : cues, count };
    }
    default:
      return op satisfies never;
  }
}

/** The history after one op. */
export function step(h: History<Cues>, op: EditOp): History<Cues> {
  if (op.type === 'undo') return undo(h);
  if (op.type === 'redo') return redo(h);
  return record(h, applyEdit(h.present, op).cues);
}

/** The cues and their undo history, from the transcription's cues and the edits made since. */
export function replay(transcribed: Cues, ops: readonly EditOp[]): History<Cues> {
  return ops.reduce(step, history(Object.freeze([...transcribed])));
}
