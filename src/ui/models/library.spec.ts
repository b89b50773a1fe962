import { describe, expect, it } from 'vitest';
import type { DownloadReply, DownloadRequest, TabMessage } from '../../core/download/download-protocol.ts';
import { FakeWorker } from '../../testing/fake-worker.ts';
import { JobOwner, type JobWorker } from '../../workers/shared/job-owner.ts';
import { Library, type TabPort, type WhenRepoFree } from './library.svelte.ts';

type Worker = FakeWorker<DownloadRequest, DownloadReply | { type: 'alive'; lock: string }>;

/** A tab channel whose sent messages are recorded and whose incoming messages a spec delivers. */
function fakeTabs(): TabPort & { sent: TabMessage[]; deliver(message: TabMessage): void } {
  const listeners: ((event: MessageEvent<TabMessage>) => void)[] = [];
  return {
    sent: [],
    postMessage(message) {
      this.sent.push(message);
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    deliver: (message) => listeners.forEach((l) => l({ data: message } as MessageEvent<TabMessage>)),
  };
}

function setup(options: { clock?: () => number; whenRepoFree?: WhenRepoFree } = {}) {
  const workers: Worker[] = [];
  const deaths = new Map<string, () => void>();
  const jobs = new JobOwner<DownloadRequest, DownloadReply>({
    spawn: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as JobWorker<DownloadRequest, DownloadReply>),
    name: 'The download worker',
    watchLife: (lock, ondeath) => deaths.set(lock, ondeath),
  });
  const tabs = fakeTabs();
  const library = new Library(jobs, tabs, () => ({ hubUrl: 'https://hub.test', accessToken: 'hf_x' }), options.clock, options.whenRepoFree);
  const worker = (): Worker => workers.at(-1)!;
  return { workers, worker, tabs, library, deaths };
}

const progress = (jobId: string, done: number): DownloadReply => ({ type: 'progress', jobId, progress: { done, total: 100, unit: 'bytes' } });
const retry = (jobId: string, reason: 'stalled' | 'server-asked', delayMs: number): DownloadReply => ({ type: 'update', jobId, update: { type: 'file', path: 'f', done: 10, total: 100, retry: { reason, delayMs } } });

describe('Library', () => {
  it('sends frozen download intents with the hub settings and tracks progress', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const request = worker().sent[0];
    expect(Object.isFrozen(request)).toBe(true);
    expect(request).toMatchObject({ type: 'download', repo: 'o/m', dtype: 'q8', hubUrl: 'https://hub.test', accessToken: 'hf_x', revision: 'main' });
    worker().reply(progress(request.jobId, 40));
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', done: 40, local: true });
  });

  it('cancels its own job through the worker; a late progress reply does not revive it', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const { jobId } = worker().sent[0];
    worker().reply(progress(jobId, 10));
    library.cancel('o/m');
    expect(worker().last).toEqual({ type: 'cancel', jobId });
    worker().reply({ type: 'cancelled', jobId });
    worker().reply(progress(jobId, 20));
    expect(library.transfers['o/m']).toBeUndefined();
  });

  it("shows another tab's download and cancels it through the tab channel; ignores its own relays", () => {
    const { worker, tabs, library } = setup();
    tabs.deliver({ type: 'relay', repo: 'o/m', reply: progress('other-tab-job', 30) });
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', local: false, done: 30 });
    library.cancel('o/m');
    expect(tabs.sent).toEqual([{ type: 'abort-repo', repo: 'o/m' }]);

    library.download('x/y', 'q8');
    const own = worker().last.jobId;
    tabs.deliver({ type: 'relay', repo: 'x/y', reply: { type: 'cancelled', jobId: own } });
    expect(library.transfers['x/y']).toMatchObject({ state: 'starting' });
  });

  it('routes a failure by the job that failed, not by what the row shows', () => {
    const { worker, library } = setup();
    library.inspect('o/m');
    const inspectJob = worker().sent[0].jobId;
    library.download('o/m', 'q8');
    const downloadJob = worker().sent[1].jobId;
    worker().reply({ type: 'failed', jobId: downloadJob, error: { code: 'network', message: 'hub did not answer' } });
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed', error: { code: 'network' } });
    expect(library.inspections['o/m']).toEqual({ state: 'loading' });
    worker().reply({ type: 'failed', jobId: inspectJob, error: { code: 'gated', message: 'gated' } });
    expect(library.inspections['o/m']).toMatchObject({ state: 'failed', error: { code: 'gated' } });
  });

  it('stamps each message with when it arrived, and keeps a wait on the row until it is over', () => {
    let clock = 1000;
    const { worker, library } = setup({ clock: () => clock });
    library.download('o/m', 'q8');
    const jobId = worker().sent[0].jobId;
    worker().reply(progress(jobId, 10));
    worker().reply(retry(jobId, 'server-asked', 3000));
    clock = 2500;
    worker().reply(progress(jobId, 20));
    expect(library.transfers['o/m']).toMatchObject({ receivedAt: 2500, wait: { notice: { reason: 'server-asked' }, receivedAt: 1000 } });
    clock = 4500;
    worker().reply(progress(jobId, 30));
    expect(library.transfers['o/m']).toMatchObject({ wait: null });
  });

  it('measures the speed over the last seconds from the bytes that came', () => {
    let clock = 0;
    const { worker, library } = setup({ clock: () => clock });
    library.download('o/m', 'q8');
    const jobId = worker().sent[0].jobId;
    worker().reply(progress(jobId, 20)); // resumed: 20 bytes were on disk
    clock = 1000;
    worker().reply(progress(jobId, 30));
    const transfer = library.transfers['o/m'];
    expect(transfer.state === 'running' && transfer.pace.samples.map((s) => s.done)).toEqual([20, 30]);
  });

  it('can cancel while starting, and deletes through the worker', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const { jobId } = worker().sent[0];
    library.cancel('o/m');
    expect(worker().last).toEqual({ type: 'cancel', jobId });
    library.remove('o/m');
    expect(worker().last).toMatchObject({ type: 'delete', repo: 'o/m' });
  });

  it('checks for updates, shows them by repo, and updates at the revision the check found', () => {
    const { worker, library } = setup();
    library.refresh();
    worker().reply({ type: 'result', jobId: worker().last.jobId, result: { type: 'listed', freed: 0, models: [{ repo: 'o/m', kind: 'whisper', state: 'installed', dtype: 'q8', commit: 'c1', revision: 'main', bytesOnDisk: 10, totalBytes: 10, installedAt: 1 }] } });
    library.checkUpdates();
    expect(worker().last).toMatchObject({ type: 'check-updates', hubUrl: 'https://hub.test' });
    expect(library.updateCheck).toEqual({ state: 'checking' });
    const info = { repo: 'o/m', revision: 'main', fromCommit: 'c1', toCommit: 'c2', changedFiles: ['config.json'], downloadBytes: 42 };
    worker().reply({ type: 'result', jobId: worker().last.jobId, result: { type: 'updates', updates: [info], failed: [] } });
    expect(library.updates['o/m']).toEqual(info);
    library.update('o/m');
    const download = worker().last;
    expect(download).toMatchObject({ type: 'download', repo: 'o/m', dtype: 'q8', revision: 'main' });
    worker().reply({ type: 'result', jobId: download.jobId, result: { type: 'installed', repo: 'o/m', manifest: {} as never } });
    expect(library.updates['o/m']).toBeUndefined();
  });

  it('sees its worker die: the row fails with a message (bytes kept, Resume), and a fresh worker takes over', () => {
    const { workers, library, deaths } = setup();
    library.download('o/m', 'q8');
    const first = workers[0];
    first.reply({ type: 'alive', lock: 'lock-1' });
    first.reply(progress(first.sent[0].jobId, 10));
    deaths.get('lock-1')!();
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed', error: { code: 'crashed', message: 'The download worker stopped (it was closed or crashed). The bytes downloaded so far are kept: press Resume.' } });
    expect(workers[1].sent.map((m) => m.type)).toEqual(['list']);
    first.reply(progress(first.sent[0].jobId, 20)); // a late message from the dead worker changes nothing
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed' });
  });

  it('waits on the lock of a download another tab runs, and shows what is on disk once it frees', () => {
    const frees = new Map<string, () => void>();
    const { tabs, worker, library } = setup({ whenRepoFree: (repo, then) => void frees.set(repo, then) });
    tabs.deliver({ type: 'relay', repo: 'o/m', reply: progress('other-tab-job', 30) });
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', local: false });
    tabs.deliver({ type: 'relay', repo: 'o/m', reply: progress('other-tab-job', 40) });
    expect(frees.size).toBe(1);
    frees.get('o/m')!(); // the downloading tab closed: its lock freed with no end
    expect(library.transfers['o/m']).toBeUndefined();
    expect(worker().last.type).toBe('list');
  });
});
