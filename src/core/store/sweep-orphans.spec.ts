import { describe, expect, it } from 'vitest';
import { MemoryRecords, MemoryStore } from '../../testing/memory-store.ts';
import { sweepOrphans } from './sweep-orphans.ts';
import type { InstalledManifest, PendingDownload } from './records.ts';

const write = async (store: MemoryStore, repo: string, commit: string, bytes: number): Promise<void> => {
  const file = await store.open({ repo, commit, path: 'onnx/model.onnx' });
  file.write(new Uint8Array(bytes), 0);
  file.close();
};

describe('sweepOrphans', () => {
  it('removes commit folders no record names, keeps the installed and the pending ones, and skips repos another tab holds', async () => {
    const store = new MemoryStore();
    const records = new MemoryRecords();
    await write(store, 'o/installed', 'new', 10);
    await write(store, 'o/installed', 'old', 300); // an update interrupted after the switch
    await write(store, 'o/pending', 'p1', 20);
    await write(store, 'o/gone', 'x', 40); // its records were deleted
    await write(store, 'o/busy', 'y', 50); // another tab is downloading it
    await records.putManifest({ repo: 'o/installed', commit: 'new' } as InstalledManifest);
    await records.putPending({ plan: { repo: 'o/pending', commit: 'p1' } } as PendingDownload);
    const freed = await sweepOrphans({ store, records, withRepoLock: async (repo, work) => (repo === 'o/busy' ? false : (await work(), true)) });
    expect(freed).toBe(340);
    expect((await store.listCommits()).map((c) => `${c.repo}@${c.commit}`).sort()).toEqual(['o/busy@y', 'o/installed@new', 'o/pending@p1']);
  });
});
