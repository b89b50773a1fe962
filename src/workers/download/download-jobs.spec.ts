import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHubDouble, type HubDouble } from '../../../e2e/hub/server.ts';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { createWasmHasher } from '../../core/download/wasm-hasher.ts';
import type { DownloadReply } from '../../core/download/download-protocol.ts';
import { sleep } from '../../core/util/sleep.ts';
import { MemoryLocks } from '../../testing/memory-locks.ts';
import { MemoryRecords, MemoryStore } from '../../testing/memory-store.ts';
import { DownloadJobs } from './download-jobs.ts';

const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 300, false));
const repo = syntheticRepo({ id: 'test/jobs', files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', 400_000), syntheticFile(DECODER, 1_200_000)] });

let hub: HubDouble;
beforeAll(async () => {
  hub = await startHubDouble({ repos: [repo] });
});
afterAll(() => hub.close());
beforeEach(() => hub.faults.reset());

function setup() {
  const store = new MemoryStore();
  const records = new MemoryRecords();
  const locks = new MemoryLocks();
  const replies: DownloadReply[] = [];
  const elsewhere: string[] = [];
  const jobs = new DownloadJobs({
    net: { fetch: (input, init) => fetch(input, init), sleep, now: () => performance.now(), wallNow: () => Date.now(), random: () => 0.5 },
    storage: { store, createHasher: createWasmHasher },
    records,
    estimate: async () => null,
    withRepoLock: (name, mode, work) => locks.request(name, mode, work),
    abortElsewhere: (name) => void elsewhere.push(name),
    post: (reply) => void replies.push(reply),
    policies: { stallTimeoutMs: 250 },
  });
  let next = 0;
  const start = (jobId = `job-${next++}`) => jobs.start({ type: 'download', jobId, repo: 'test/jobs', revision: 'main', dtype: 'q8', hubUrl: hub.hubUrl });
  /** How a job went: its replies' types, a result by its own type. */
  const of = (jobId: string) => replies.filter((r) => r.jobId === jobId && r.type !== 'progress' && r.type !== 'update').map((r) => (r.type === 'result' ? r.result.type : r.type));
  return { store, records, locks, replies, elsewhere, jobs, start, of };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await sleep(5, new AbortController().signal);
};

describe('DownloadJobs', () => {
  it('installs, and nothing follows `cancelled` for a job cancelled mid-way', async () => {
    const { start, jobs, replies, of, records } = setup();
    hub.faults.add({ kind: 'throttle', bytesPerSecond: 2_000_000 }, Date.now());
    const running = start('a');
    await until(() => replies.some((r) => r.type === 'progress' && r.progress.done > 200_000));
    jobs.abort('a');
    await running;
    expect(of('a').at(-1)).toBe('cancelled');
    expect(records.pending.size).toBe(1);
    hub.faults.reset();
    await start('b');
    expect(of('b').at(-1)).toBe('installed');
  });

  it('honours an abort that arrives while the job waits for the previous one of the repo', async () => {
    const { start, jobs, of, replies } = setup();
    hub.faults.add({ kind: 'throttle', bytesPerSecond: 2_000_000 }, Date.now());
    const first = start('a');
    await until(() => replies.some((r) => r.jobId === 'a' && r.type === 'progress'));
    jobs.abort('a');
    const second = start('b');
    jobs.abort('b');
    await Promise.all([first, second]);
    expect(of('b')).toEqual(['cancelled']);
  });

  it('answers busy when another tab holds the repo', async () => {
    const { start, locks, of } = setup();
    const release = await locks.holdElsewhere('test/jobs');
    await start('a');
    expect(of('a')).toEqual(['busy']);
    release();
  });

  it('retries a stall with Range, tells the UI it stalled, and frees the lock', async () => {
    const { start, replies, of, locks } = setup();
    hub.faults.add({ kind: 'stall', path: DECODER, atByte: 500_000 }, Date.now());
    await start('a');
    expect(of('a').at(-1)).toBe('installed');
    expect(replies.some((r) => r.type === 'update' && r.update.retry?.reason === 'stalled')).toBe(true);
    expect(locks.isHeld('test/jobs')).toBe(false);
  });

  it('delete cancels a running download, asks other tabs to stop, and leaves no bytes or records', async () => {
    const { start, jobs, replies, of, store, records, elsewhere } = setup();
    hub.faults.add({ kind: 'throttle', bytesPerSecond: 2_000_000 }, Date.now());
    const running = start('a');
    await until(() => replies.some((r) => r.type === 'progress' && r.progress.done > 200_000));
    await jobs.remove('test/jobs', 'del');
    await running;
    expect(of('a').at(-1)).toBe('cancelled');
    expect(of('del')).toEqual(['deleted']);
    expect(elsewhere).toEqual(['test/jobs']);
    expect(await store.repoBytes('test/jobs')).toBe(0);
    expect(records.pending.size + records.manifests.size).toBe(0);
  });

  it('delete waits for the lock another tab holds, so it never races its download', async () => {
    const { jobs, of, locks, records, store } = setup();
    const release = await locks.holdElsewhere('test/jobs');
    const deleting = jobs.remove('test/jobs', 'del');
    await sleep(30, new AbortController().signal);
    expect(of('del')).toEqual([]);
    // the other tab finishes what it was writing before it lets go
    await records.putPending({ plan: { repo: 'test/jobs' } as never, revision: 'main', startedAt: 0 });
    await (await store.open({ repo: 'test/jobs', commit: 'c', path: 'config.json' })).write(new Uint8Array(10), 0);
    release();
    await deleting;
    expect(of('del')).toEqual(['deleted']);
    expect(records.pending.size).toBe(0);
    expect(await store.repoBytes('test/jobs')).toBe(0);
  });

  it('puts the manifest back when the files cannot be removed', async () => {
    const { start, jobs, of, store, records } = setup();
    await start('a');
    store.removeRepo = async () => {
      throw new Error('NoModificationAllowedError: file is open');
    };
    await expect(jobs.remove('test/jobs', 'del')).rejects.toThrow(/could not be deleted/);
    expect(records.manifests.has('test/jobs')).toBe(true);
    expect(of('del')).toEqual([]);
  });
});
