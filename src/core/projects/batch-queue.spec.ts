import { describe, expect, it } from 'vitest';
import { afterReload, moved, nextQueued, summarize, withItem, type Queue, type QueueItem } from './batch-queue.ts';

const item = (id: string, patch: Partial<QueueItem> = {}): QueueItem => Object.freeze({ id, name: `${id}.mp3`, size: 1000, status: 'queued', ...patch });

describe('batch queue', () => {
  const queue: Queue = Object.freeze([item('a', { status: 'done', elapsedMs: 2000 }), item('b', { status: 'running' }), item('c'), item('d', { status: 'paused' }), item('e')]);

  it('runs the first queued file, skipping paused ones, in the order the person left them', () => {
    expect(nextQueued(queue)?.id).toBe('c');
    expect(nextQueued(moved(queue, 'e', -2))?.id).toBe('e');
    expect(nextQueued(withItem(queue, 'c', { status: 'cancelled' }))?.id).toBe('e');
    expect(nextQueued([item('x', { status: 'needs-file' })])).toBeNull();
  });

  it('moves an item within its ends and leaves the old queue as it was', () => {
    expect(moved(queue, 'c', -10).map((i) => i.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(moved(queue, 'a', 99).map((i) => i.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(moved(queue, 'nope', 1)).toBe(queue);
    expect(queue.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Object.isFrozen(moved(queue, 'c', 1))).toBe(true);
  });

  it('starts again what ran when the page went away', () => {
    expect(afterReload(queue).map((i) => i.status)).toEqual(['done', 'queued', 'queued', 'paused', 'queued']);
  });

  it('says how many are finished and the time left from the speed per byte so far', () => {
    // 2 s per 1000 bytes done; the running one says 3 s; c and e wait (2000 bytes → 4 s); d is paused.
    expect(summarize(queue, { id: 'b', elapsedMs: 500, secondsLeft: 3 })).toEqual({ finished: 1, total: 5, secondsLeft: 7 });
    expect(summarize(queue, { id: 'b', elapsedMs: 500, secondsLeft: null }).secondsLeft).toBeNull();
  });

  it('before any file is done, the running file’s pace sets the speed', () => {
    const fresh = [item('b', { status: 'running', size: 2000 }), item('c', { size: 4000 })];
    // b: 1 s spent + 3 s left for 2000 bytes → 2 ms/byte; c: 4000 bytes → 8 s.
    expect(summarize(fresh, { id: 'b', elapsedMs: 1000, secondsLeft: 3 }).secondsLeft).toBe(11);
    expect(summarize(fresh, null).secondsLeft).toBeNull();
    expect(summarize([item('b', { status: 'running' })], { id: 'b', elapsedMs: 1, secondsLeft: 5 }).secondsLeft).toBe(5);
  });
});
