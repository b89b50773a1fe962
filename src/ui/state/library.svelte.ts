import type { RetryNotice } from '../../core/download/progress.ts';
import type { ErrorData } from '../../core/errors.ts';
import type { Dtype } from '../../core/plan/dtypes.ts';
import { message, type DownloadReply, type DownloadRequest, type DtypeOption, type StoredModel, type TabMessage, type UpdateInfo } from '../../core/protocol.ts';
import type { WatchLife } from './watch-life.ts';
import type { Port } from './worker-port.ts';

export type Inspection =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly commit: string; readonly options: readonly DtypeOption[] }
  | { readonly state: 'failed'; readonly error: ErrorData };

type Progress = Extract<DownloadReply, { type: 'progress' }>;

export type Transfer =
  | { readonly state: 'starting'; readonly jobId: string; readonly local: boolean }
  /**
   * `receivedAt`: when the last message arrived (the Library's clock), so the view can tell silence
   * from speed. `wait`: a retry one request is sitting out, kept until it is over, however many
   * progress messages the other requests send meanwhile.
   */
  | {
      readonly state: 'running';
      readonly jobId: string;
      readonly local: boolean;
      readonly loaded: number;
      readonly total: number;
      readonly progress: Progress | null;
      readonly receivedAt: number;
      readonly wait: { readonly notice: RetryNotice; readonly receivedAt: number } | null;
    }
  | { readonly state: 'busy' }
  | { readonly state: 'failed'; readonly error: ErrorData };

/** What lets the library outlive its worker and other tabs: it sees deaths and freed locks. */
export interface LibraryLife {
  /** Calls `ondeath` once the worker holding `lock` is gone, however it went. */
  readonly watchLife: WatchLife;
  /** A fresh download worker, for when the one in use died. */
  readonly respawn: () => Port<DownloadRequest, DownloadReply>;
  /** Calls `then` once no tab holds the repo's download lock (the tab downloading it finished, or closed). */
  readonly whenRepoFree: (repo: string, then: () => void) => void;
}

const WORKER_DIED: ErrorData = Object.freeze({ code: 'crashed', message: 'The download stopped: its worker was closed or crashed. The bytes downloaded so far are kept: press Resume.' });

const update = <T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Readonly<Record<string, T>> => {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.freeze(next);
};

/** The model library: what is on this device, sizes from the hub, downloads in this and other tabs. */
export class Library {
  #worker: Port<DownloadRequest, DownloadReply>;
  readonly #life: LibraryLife | undefined;
  /** Repos whose download another tab runs, that this tab waits on. */
  readonly #watching = new Set<string>();
  readonly #tabs: Port<TabMessage, TabMessage>;
  readonly #hub: () => { hubUrl: string; accessToken?: string };
  readonly #clock: () => number;
  #nextJob = 0;
  /** Jobs this tab started, by what they asked: replies are routed by job, never guessed from the UI state. Their relays over the tab channel are ignored. */
  readonly #mine = new Map<string, DownloadRequest['type']>();
  /** Jobs that ended (done, cancelled, failed): a late progress message must not revive them. */
  readonly #ended = new Set<string>();
  stored = $state.raw<readonly StoredModel[]>([]);
  inspections = $state.raw<Readonly<Record<string, Inspection>>>({});
  transfers = $state.raw<Readonly<Record<string, Transfer>>>({});
  /** Installed models whose revision moved on, by repo. */
  updates = $state.raw<Readonly<Record<string, UpdateInfo>>>({});
  /** Where the last update check stands: null before the first. */
  updateCheck = $state.raw<{ readonly state: 'checking' } | { readonly state: 'done'; readonly at: number; readonly failed: number } | null>(null);
  /** Called after a model is installed or deleted (e.g. to refresh the storage meter). */
  onchange: () => void = () => undefined;

  constructor(
    worker: Port<DownloadRequest, DownloadReply>,
    tabs: Port<TabMessage, TabMessage>,
    hub: () => { hubUrl: string; accessToken?: string },
    clock: () => number = () => performance.now(),
    life?: LibraryLife,
  ) {
    this.#clock = clock;
    this.#worker = worker;
    this.#tabs = tabs;
    this.#hub = hub;
    this.#life = life;
    this.#listen(worker);
    tabs.addEventListener('message', (event) => {
      if (event.data.type === 'relay' && !this.#mine.has(event.data.reply.jobId)) this.#receive(event.data.reply, false);
    });
  }

  #listen(worker: Port<DownloadRequest, DownloadReply>): void {
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#receive(event.data, true);
    });
  }

  /** Rows this tab's worker was serving fail with a message (bytes kept, Resume offered); a fresh worker takes over. */
  #workerDied(worker: Port<DownloadRequest, DownloadReply>): void {
    if (worker !== this.#worker || !this.#life) return;
    for (const [repo, transfer] of Object.entries(this.transfers)) {
      if ('local' in transfer && transfer.local) this.transfers = update(this.transfers, repo, { state: 'failed', error: WORKER_DIED });
    }
    for (const [repo, inspection] of Object.entries(this.inspections)) {
      if (inspection.state === 'loading') this.inspections = update(this.inspections, repo, { state: 'failed', error: WORKER_DIED });
    }
    this.#worker = this.#life.respawn();
    this.#listen(this.#worker);
    this.refresh();
  }

  /** Another tab downloads `repo`: once its lock frees (done, or that tab closed), show what is on disk. */
  #watch(repo: string): void {
    if (!this.#life || this.#watching.has(repo)) return;
    this.#watching.add(repo);
    this.#life.whenRepoFree(repo, () => {
      this.#watching.delete(repo);
      const transfer = this.transfers[repo];
      if (transfer && 'local' in transfer && !transfer.local) this.transfers = update(this.transfers, repo, undefined);
      this.refresh();
    });
  }

  #job(kind: DownloadRequest['type']): string {
    const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${(this.#nextJob++).toString(36)}`;
    this.#mine.set(jobId, kind);
    return jobId;
  }

  refresh(): void {
    this.#worker.postMessage(message({ type: 'list', jobId: this.#job('list') }));
  }

  inspect(repo: string): void {
    this.inspections = update(this.inspections, repo, { state: 'loading' });
    this.#worker.postMessage(message({ type: 'inspect', jobId: this.#job('inspect'), repo, revision: 'main', ...this.#hub() }));
  }

  download(repo: string, dtype: Dtype, revision = 'main'): void {
    const jobId = this.#job('download');
    this.transfers = update(this.transfers, repo, { state: 'starting', jobId, local: true });
    this.#worker.postMessage(message({ type: 'download', jobId, repo, revision, dtype, ...this.#hub() }));
  }

  /** Resume an interrupted download at the commit it started on. */
  resume(model: StoredModel): void {
    this.download(model.repo, model.dtype, model.revision);
  }

  cancel(repo: string): void {
    const transfer = this.transfers[repo];
    if (transfer && 'local' in transfer && transfer.local) this.#worker.postMessage(message({ type: 'abort', jobId: transfer.jobId }));
    else this.#tabs.postMessage(message({ type: 'abort-repo', repo }));
  }

  /** Ask the hub whether installed models have newer commits (on demand, or at most daily). */
  checkUpdates(): void {
    this.updateCheck = { state: 'checking' };
    this.#worker.postMessage(message({ type: 'check-updates', jobId: this.#job('check-updates'), ...this.#hub() }));
  }

  /** Update an installed model to its revision's newest commit: only changed files are fetched. */
  update(repo: string): void {
    const info = this.updates[repo];
    const installed = this.stored.find((m) => m.repo === repo && m.state === 'installed');
    if (info && installed) this.download(repo, installed.dtype, info.revision);
  }

  /** Delete the model's bytes; a download of it here or in another tab is cancelled first. */
  remove(repo: string): void {
    this.#worker.postMessage(message({ type: 'delete', jobId: this.#job('delete'), repo }));
  }

  #receive(reply: DownloadReply, local: boolean): void {
    if (this.#ended.has(reply.jobId)) return;
    if (!local && (reply.type === 'started' || reply.type === 'progress')) this.#watch(reply.repo);
    if (reply.type === 'done' || reply.type === 'cancelled' || reply.type === 'error') this.#ended.add(reply.jobId);
    switch (reply.type) {
      case 'alive': {
        const worker = this.#worker;
        this.#life?.watchLife(reply.lock, () => this.#workerDied(worker));
        return;
      }
      case 'inspected':
        this.inspections = update(this.inspections, reply.repo, { state: 'ready', commit: reply.commit, options: reply.options });
        return;
      case 'started':
        this.transfers = update(this.transfers, reply.repo, { state: 'running', jobId: reply.jobId, local, loaded: reply.loaded, total: reply.total, progress: null, receivedAt: this.#clock(), wait: null });
        return;
      case 'progress':
        this.#progress(reply, local);
        return;
      case 'busy':
        this.transfers = update(this.transfers, reply.repo, { state: 'busy' });
        return;
      case 'error':
        this.#failed(reply.jobId, reply.repo, reply.error);
        return;
      case 'installed-list':
        this.stored = reply.models;
        if (reply.freed > 0) this.onchange(); // orphaned bytes went: the storage meter shows it
        return;
      case 'updates':
        this.updates = Object.freeze(Object.fromEntries(reply.updates.map((u) => [u.repo, u])));
        this.updateCheck = { state: 'done', at: Date.now(), failed: reply.failed.length };
        return;
      case 'done':
      case 'cancelled':
      case 'deleted':
        this.transfers = update(this.transfers, reply.repo, undefined);
        if (reply.type !== 'cancelled') this.updates = update(this.updates, reply.repo, undefined);
        this.refresh();
        if (reply.type !== 'cancelled') this.onchange();
        return;
      default:
        reply satisfies never;
    }
  }

  #progress(reply: Progress, local: boolean): void {
    const now = this.#clock();
    const previous = this.transfers[reply.repo];
    const earlier = previous?.state === 'running' ? previous.wait : null;
    const wait = reply.retry ? { notice: reply.retry, receivedAt: now } : earlier && now - earlier.receivedAt < earlier.notice.delayMs ? earlier : null;
    this.transfers = update(this.transfers, reply.repo, { state: 'running', jobId: reply.jobId, local, loaded: reply.loaded, total: reply.total, progress: reply, receivedAt: now, wait });
  }

  /** An inspection's error goes to the size picker; any other (a download, a delete, another tab's) to the row's transfer. */
  #failed(jobId: string, repo: string | null, error: ErrorData): void {
    if (repo === null) return;
    if (this.#mine.get(jobId) === 'inspect') this.inspections = update(this.inspections, repo, { state: 'failed', error });
    else this.transfers = update(this.transfers, repo, { state: 'failed', error });
    this.refresh();
  }
}
