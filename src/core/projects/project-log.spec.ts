import { describe, expect, it } from 'vitest';
import { cue } from '../subtitles/cue.ts';
import { replayLog, type LogEntry } from './project-log.ts';

const a = cue(0, 1, 'Hello there');
const b = cue(1, 2, 'General Kenobi');
const c = cue(2, 3, 'You are a bold one');

describe('replayLog', () => {
  it('rebuilds the cues and the undo history from windows and edits, as they were live', () => {
    const log: LogEntry[] = [
      { kind: 'cues', cues: [a, b] },
      { kind: 'op', op: { type: 'edit', index: 0, patch: { text: 'Hello' } } },
      { kind: 'cues', cues: [c] }, // a window after an edit: as live, history starts afresh
      { kind: 'op', op: { type: 'replace', find: 'bold', replacement: 'brave' } },
      { kind: 'op', op: { type: 'act', index: 1, action: { kind: 'delete' }, playhead: 0 } },
      { kind: 'op', op: { type: 'undo' } },
    ];
    const h = replayLog(log);
    expect(h.present.map((s) => s.text)).toEqual(['Hello', 'General Kenobi', 'You are a brave one']);
    expect(h.past).toHaveLength(1); // the replace; the first edit was before the last window
    expect(h.future[0].map((s) => s.text)).toEqual(['Hello', 'You are a brave one']);
    expect(h.present[0].words).toBeUndefined();
  });
});
