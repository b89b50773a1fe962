import { describe, expect, it } from 'vitest';
import { keepUnfinishedRecordings, orderedWrites, type RecordingChunks } from './recording-chunks.ts';

function chunksOf(files: Record<string, File>): RecordingChunks & { dropped: string[] } {
  const dropped: string[] = [];
  return {
    dropped,
    begin: () => ({ append: async () => undefined, kept: async () => undefined }),
    unfinished: async () => Object.entries(files).map(([projectId, file]) => ({ projectId, file })),
    drop: async (projectId) => void dropped.push(projectId),
  };
}

describe('keepUnfinishedRecordings', () => {
  it('keeps each unfinished recording as its project\'s media, then drops its chunks; an empty one or a removed project is only dropped', async () => {
    const chunks = chunksOf({
      a: new File([new Uint8Array(10)], 'a.webm'),
      empty: new File([], 'empty.webm'),
      removed: new File([new Uint8Array(5)], 'removed.webm'),
    });
    const kept: string[] = [];
    const count = await keepUnfinishedRecordings(chunks, async (id, file) => {
      if (id === 'removed') return false;
      kept.push(`${id}:${file.size}`);
      return true;
    });
    expect(kept).toEqual(['a:10']);
    expect(count).toBe(1);
    expect(chunks.dropped).toEqual(['a', 'empty', 'removed']);
  });

  it('a recording that could not be kept (storage full) keeps its chunks for the next start; the others are kept', async () => {
    const chunks = chunksOf({ full: new File([new Uint8Array(10)], 'a.webm'), b: new File([new Uint8Array(3)], 'b.webm') });
    const keep = async (id: string): Promise<boolean> => (id === 'full' ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : true);
    expect(await keepUnfinishedRecordings(chunks, keep)).toBe(1);
    expect(chunks.dropped).toEqual(['b']);
  });
});

describe('orderedWrites', () => {
  it('a chunk that cannot be written waits and goes with the next, so the chunks on disk never have a gap', async () => {
    const disk = new Map<number, string>();
    let full = false;
    const append = orderedWrites(async (index, chunk) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      disk.set(index, await chunk.text());
    });
    await append(new Blob(['a']));
    full = true;
    await expect(append(new Blob(['b']))).rejects.toThrow('full');
    await expect(append(new Blob(['c']))).rejects.toThrow('full');
    full = false;
    await append(new Blob(['d']));
    expect([...disk.entries()]).toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd']]);
  });
});
