import { describe, expect, it } from 'vitest';
import { activeCueAt, mergeWithNext, nudge, removeCue, replaceAll, splitAt } from './cue-edits.ts';
import { history, record, redo, undo } from './edit-history.ts';
import { cue, word } from './cue.ts';

const cues = Object.freeze([
  cue(0, 2, 'And so my fellow Americans', [word(0, 0.4, ' And'), word(0.4, 0.7, ' so'), word(0.7, 1, ' my'), word(1, 1.4, ' fellow'), word(1.4, 2, ' Americans')]),
  cue(3, 5, 'ask not what your country can do'),
  cue(6, 7, 'for you.'),
]);

describe('cue edits', () => {
  it('nudges an edge by a tenth, never over a neighbour or the other edge', () => {
    expect(nudge(cues, 1, 'start', -0.1)[1].start).toBe(2.9);
    expect(nudge(cues, 1, 'start', -5)[1].start).toBe(2);
    expect(nudge(cues, 1, 'end', 5)[1].end).toBe(6);
    expect(nudge(cues, 2, 'end', -5)[2].end).toBe(6);
    expect(cues[1].start).toBe(3);
  });
  it('drops word times that no longer fit a nudged cue', () => {
    expect(nudge(cues, 0, 'end', 0.1)[0].words).toHaveLength(5);
    expect(nudge(cues, 0, 'end', -0.5)[0].words).toBeUndefined();
  });
  it('splits at the playhead, at a word boundary when words are timed, else in proportion', () => {
    const timed = splitAt(cues, 0, 1.1);
    expect(timed.slice(0, 2).map((c) => [c.start, c.end, c.text])).toEqual([[0, 1.1, 'And so my'], [1.1, 2, 'fellow Americans']]);
    const plain = splitAt(cues, 1, 4);
    expect(plain.slice(1, 3).map((c) => c.text)).toEqual(['ask not what your', 'country can do']);
    expect(splitAt(cues, 2, 9)).toBe(cues);
  });
  it('merges with the next cue and deletes a cue', () => {
    const merged = mergeWithNext(cues, 1);
    expect(merged.map((c) => c.text)).toEqual(['And so my fellow Americans', 'ask not what your country can do for you.']);
    expect([merged[1].start, merged[1].end]).toEqual([3, 7]);
    expect(removeCue(cues, 0).map((c) => c.text)).toEqual(['ask not what your country can do', 'for you.']);
    expect(mergeWithNext(cues, 2)).toBe(cues);
  });
  it('finds and replaces, case-insensitively and literally', () => {
    const { cues: next, count } = replaceAll(cues, 'COUNTRY', 'nation');
    expect(count).toBe(1);
    expect(next[1].text).toBe('ask not what your nation can do');
    expect(replaceAll(cues, '.*', 'x').count).toBe(0);
  });
  it('knows the cue at the playhead', () => {
    expect([activeCueAt(cues, 0), activeCueAt(cues, 2.5), activeCueAt(cues, 6.5)]).toEqual([0, -1, 2]);
  });
});

describe('edit history', () => {
  it('undoes and redoes, and a new edit clears what could be redone', () => {
    let h = record(record(history(1), 2), 3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(2);
    h = record(h, 9);
    expect([h.present, h.future.length, redo(h).present]).toEqual([9, 0, 9]);
    expect(undo(history(1)).present).toBe(1);
  });
});
