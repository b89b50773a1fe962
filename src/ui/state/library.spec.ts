import { describe, expect, it } from 'vitest';
import type { DownloadReply, DownloadRequest, TabMessage } from '../../core/protocol.ts';
import { Library } from './library.svelte.ts';
import type { Port } from './worker-port.ts';

/** A port whose sent messages are recorded and whose incoming messages a spec delivers. */
function fakePort<Out, In>(): Port<Out, In> & { sent: Out[]; deliver(message: In): void } {
  const listeners: ((event: MessageEvent<In>) => void)[] = [];
  return {
    sent: [],
    postMessage(message) {
      this.sent.push(message);
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    deliver: (message) => listeners.forEach((l) => l({ data: message } as MessageEvent<In>)),
  };
}

function setup() {
  const worker = fakePort<DownloadRequest, DownloadReply>();
  const tabs = fakePort<TabMessage, TabMessage>();
  const library = new Library(worker, tabs, () => ({ hubUrl: 'https://hub.test', accessToken: 'hf_x' }));
  return { worker, tabs, library };
}

const progress = (jobId: string, loaded: number): DownloadReply => ({
  type: 'progress', jobId, repo: 'o/m', file: 'f', fileLoaded: loaded, fileTotal: 100, loaded, total: 100, bytesPerSecond: 1, etaSeconds: 1, retry: null,
});

describe('Library', () => {
  it('sends frozen download intents with the hub settings and tracks progress', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const request = worker.sent[0];
    expect(Object.isFrozen(request)).toBe(true);
    expect(request).toMatchObject({ type: 'download', repo: 'o/m', dtype: 'q8', hubUrl: 'https://hub.test', accessToken: 'hf_x', revision: 'main' });
    worker.deliver(progress(request.jobId, 40));
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', loaded: 40, local: true });
  });

  it('cancels its own job through the worker; a late progress reply does not revive it', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const { jobId } = worker.sent[0];
    worker.deliver(progress(jobId, 10));
    library.cancel('o/m');
    expect(worker.sent.at(-1)).toEqual({ type: 'abort', jobId });
    worker.deliver({ type: 'cancelled', jobId, repo: 'o/m' });
    worker.deliver(progress(jobId, 20));
    expect(library.transfers['o/m']).toBeUndefined();
  });

  it("shows another tab's download and cancels it through the tab channel; ignores its own relays", () => {
    const { worker, tabs, library } = setup();
    tabs.deliver({ type: 'relay', reply: progress('other-tab-job', 30) });
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', local: false, loaded: 30 });
    library.cancel('o/m');
    expect(tabs.sent).toEqual([{ type: 'abort-repo', repo: 'o/m' }]);

    library.download('x/y', 'q8');
    const own = worker.sent.at(-1)!.jobId;
    tabs.deliver({ type: 'relay', reply: { type: 'cancelled', jobId: own, repo: 'x/y' } });
    expect(library.transfers['x/y']).toMatchObject({ state: 'starting' });
  });

  it('keeps an error with the row it belongs to: inspection or download', () => {
    const { worker, library } = setup();
    library.inspect('o/m');
    worker.deliver({ type: 'error', jobId: worker.sent[0].jobId, repo: 'o/m', error: { code: 'gated', message: 'gated' } });
    expect(library.inspections['o/m']).toMatchObject({ state: 'failed' });
    library.download('o/m', 'q8');
    worker.deliver({ type: 'error', jobId: worker.sent.at(-1)!.jobId, repo: 'o/m', error: { code: 'network', message: 'down' } });
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed', error: { code: 'network' } });
  });

  it('routes an error by the job that failed, not by what the row shows', () => {
    const { worker, library } = setup();
    library.inspect('o/m');
    const inspectJob = worker.sent[0].jobId;
    library.download('o/m', 'q8');
    const downloadJob = worker.sent[1].jobId;
    worker.deliver({ type: 'error', jobId: downloadJob, repo: 'o/m', error: { code: 'network', message: 'hub did not answer' } });
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed' });
    expect(library.inspections['o/m']).toEqual({ state: 'loading' });
    worker.deliver({ type: 'error', jobId: inspectJob, repo: 'o/m', error: { code: 'gated', message: 'gated' } });
    expect(library.inspections['o/m']).toMatchObject({ state: 'failed', error: { code: 'gated' } });
  });

  it('stamps each progress message with when it arrived, so the view can tell silence from speed', () => {
    let clock = 1000;
    const worker = fakePort<DownloadRequest, DownloadReply>();
    const library = new Library(worker, fakePort<TabMessage, TabMessage>(), () => ({ hubUrl: 'https://hub.test' }), () => clock);
    library.download('o/m', 'q8');
    worker.deliver(progress(worker.sent[0].jobId, 10));
    clock = 5000;
    worker.deliver({ ...progress(worker.sent[0].jobId, 10), retry: { reason: 'stalled', delayMs: 800 } } as DownloadReply);
    expect(library.transfers['o/m']).toMatchObject({ receivedAt: 5000, progress: { retry: { reason: 'stalled' } } });
  });

  it('can cancel while starting, and deletes through the worker', () => {
    const { worker, library } = setup();
    library.download('o/m', 'q8');
    const { jobId } = worker.sent[0];
    library.cancel('o/m');
    expect(worker.sent.at(-1)).toEqual({ type: 'abort', jobId });
    library.remove('o/m');
    expect(worker.sent.at(-1)).toMatchObject({ type: 'delete', repo: 'o/m' });
  });

  it('checks for updates, shows them by repo, and updates at the revision the check found', () => {
    const { worker, library } = setup();
    worker.deliver({ type: 'installed-list', jobId: 'l', freed: 0, models: [{ repo: 'o/m', state: 'installed', dtype: 'q8', commit: 'c1', revision: 'main', bytesOnDisk: 10, totalBytes: 10, installedAt: 1 }] });
    library.checkUpdates();
    expect(worker.sent.at(-1)).toMatchObject({ type: 'check-updates', hubUrl: 'https://hub.test' });
    expect(library.updateCheck).toEqual({ state: 'checking' });
    const info = { repo: 'o/m', revision: 'main', fromCommit: 'c1', toCommit: 'c2', changedFiles: ['config.json'], downloadBytes: 42 };
    worker.deliver({ type: 'updates', jobId: worker.sent.at(-1)!.jobId, updates: [info], failed: [] });
    expect(library.updates['o/m']).toEqual(info);
    library.update('o/m');
    const download = worker.sent.at(-1)!;
    expect(download).toMatchObject({ type: 'download', repo: 'o/m', dtype: 'q8', revision: 'main' });
    worker.deliver({ type: 'done', jobId: download.jobId, repo: 'o/m', manifest: {} as never });
    expect(library.updates['o/m']).toBeUndefined();
  });

  it('keeps a wait on the row until it is over, while other requests keep reporting', () => {
    let clock = 1000;
    const worker = fakePort<DownloadRequest, DownloadReply>();
    const library = new Library(worker, fakePort<TabMessage, TabMessage>(), () => ({ hubUrl: 'https://hub.test' }), () => clock);
    library.download('o/m', 'q8');
    const jobId = worker.sent[0].jobId;
    worker.deliver({ ...progress(jobId, 10), retry: { reason: 'server-asked', delayMs: 3000 } } as DownloadReply);
    clock = 2500;
    worker.deliver(progress(jobId, 20));
    expect(library.transfers['o/m']).toMatchObject({ wait: { notice: { reason: 'server-asked' }, receivedAt: 1000 } });
    clock = 4500;
    worker.deliver(progress(jobId, 30));
    expect(library.transfers['o/m']).toMatchObject({ wait: null });
  });

  it('sees its worker die: the row fails with a message (bytes kept, Resume), and a fresh worker takes over', () => {
    const first = fakePort<DownloadRequest, DownloadReply>();
    const second = fakePort<DownloadRequest, DownloadReply>();
    const deaths = new Map<string, () => void>();
    const life = { watchLife: (lock: string, ondeath: () => void) => void deaths.set(lock, ondeath), respawn: () => second, whenRepoFree: () => undefined };
    const library = new Library(first, fakePort<TabMessage, TabMessage>(), () => ({ hubUrl: 'https://hub.test' }), undefined, life);
    first.deliver({ type: 'alive', jobId: '', lock: 'lock-1' });
    library.download('o/m', 'q8');
    first.deliver(progress(first.sent[0].jobId, 10));
    deaths.get('lock-1')!();
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed', error: { code: 'crashed', message: expect.stringContaining('press Resume') } });
    expect(second.sent.map((m) => m.type)).toEqual(['list']);
    first.deliver(progress(first.sent[0].jobId, 20)); // a late message from the dead worker changes nothing
    expect(library.transfers['o/m']).toMatchObject({ state: 'failed' });
  });

  it('waits on the lock of a download another tab runs, and shows what is on disk once it frees', () => {
    const worker = fakePort<DownloadRequest, DownloadReply>();
    const tabs = fakePort<TabMessage, TabMessage>();
    const frees = new Map<string, () => void>();
    const life = { watchLife: () => undefined, respawn: () => worker, whenRepoFree: (repo: string, then: () => void) => void frees.set(repo, then) };
    const library = new Library(worker, tabs, () => ({ hubUrl: 'https://hub.test' }), undefined, life);
    tabs.deliver({ type: 'relay', reply: progress('other-tab-job', 30) });
    expect(library.transfers['o/m']).toMatchObject({ state: 'running', local: false });
    tabs.deliver({ type: 'relay', reply: progress('other-tab-job', 40) });
    expect(frees.size).toBe(1);
    frees.get('o/m')!(); // the downloading tab closed: its lock freed with no `done` or `cancelled`
    expect(library.transfers['o/m']).toBeUndefined();
    expect(worker.sent.at(-1)?.type).toBe('list');
  });
});
