import type { DownloadReply, DownloadRequest, DownloadResult, DownloadUpdate, TabMessage } from '../../core/download/download-protocol.ts';
import type { RetryNotice } from '../../core/download/progress.ts';
import type { UpdateInfo } from '../../core/download/check-update.ts';
import type { ErrorData } from '../../core/errors.ts';
import { frozen } from '../../core/job/job-protocol.ts';
import { paced, startPace, type Pace } from '../../core/job/pace.ts';
import type { Dtype, DtypeOption } from '../../core/plan/dtypes.ts';
import type { StoredModel } from '../../core/store/stored-model.ts';
import type { JobOwner, JobStart } from '../../workers/shared/job-owner.ts';
import { Emitter } from '../../core/util/emitter.ts';
import type { Progress } from '../../core/job/progress.ts';

export type Inspection =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly commit: string; readonly options: readonly DtypeOption[] }
  | { readonly state: 'failed'; readonly error: ErrorData };

/** Speeds over the last few seconds: a download's pace changes with the network. */
const PACE_WINDOW_MS = 3000;

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
      readonly done: number;
      readonly total: number;
      readonly pace: Pace;
      readonly file: DownloadUpdate | null;
      readonly receivedAt: number;
      readonly wait: { readonly notice: RetryNotice; readonly receivedAt: number } | null;
    }
  | { readonly state: 'busy' }
  | { readonly state: 'failed'; readonly error: ErrorData };

/** The page's side of the download worker: its one owner. */
export type DownloadOwner = Pick<JobOwner<DownloadRequest, DownloadReply>, 'run' | 'send'>;

/** The part of a BroadcastChannel the library uses. */
export interface TabPort {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
}

/** Calls `then` once no tab holds the repo's download lock (the tab downloading it finished, or closed). */
export type WhenRepoFree = (repo: string, then: () => void) => void;

/** Said when the download worker dies under a download. */
const RESUME_ADVICE = 'The bytes downloaded so far are kept: press Resume.';

const update = <T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Readonly<Record<string, T>> => {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.freeze(next);
};

/** The model library: what is on this device, sizes from the hub, downloads in this and other tabs. */
export class Library {
  readonly #jobs: DownloadOwner;
  readonly #tabs: TabPort;
  readonly #hub: () => { hubUrl: string; accessToken?: string };
  readonly #clock: () => number;
  readonly #whenRepoFree: WhenRepoFree | undefined;
  /** Repos whose download another tab runs, that this tab waits on. */
  readonly #watching = new Set<string>();
  /** Jobs this tab started: their relays over the tab channel are ignored. */
  readonly #mine = new Set<string>();
  stored = $state.raw<readonly StoredModel[]>([]);
  inspections = $state.raw<Readonly<Record<string, Inspection>>>({});
  transfers = $state.raw<Readonly<Record<string, Transfer>>>({});
  /** Installed models whose revision moved on, by repo. */
  updates = $state.raw<Readonly<Record<string, UpdateInfo>>>({});
  /** Where the last update check stands: null before the first. */
  updateCheck = $state.raw<{ readonly state: 'checking' } | { readonly state: 'done'; readonly at: number; readonly failed: number } | null>(null);
  readonly #events = new Emitter<{ change: void }>();

  constructor(jobs: DownloadOwner, tabs: TabPort, hub: () => { hubUrl: string; accessToken?: string }, clock: () => number = () => performance.now(), whenRepoFree?: WhenRepoFree) {
    [this.#jobs, this.#tabs, this.#hub, this.#clock, this.#whenRepoFree] = [jobs, tabs, hub, clock, whenRepoFree];
    tabs.addEventListener('message', ({ data }) => {
      if (data.type === 'relay' && !this.#mine.has(data.reply.jobId)) this.#relayed(data.repo, data.reply);
    });
  }

  /** `change`: a model was installed or deleted, or orphaned bytes freed (the storage meter refreshes). */
  on(event: 'change', listener: () => void): () => void {
    return this.#events.on(event, listener);
  }

  refresh(): void {
    this.#run({ type: 'list' }, (reply) => reply.type === 'result' && this.#result(reply.result));
  }

  inspect(repo: string): void {
    this.inspections = update(this.inspections, repo, { state: 'loading' });
    this.#run({ type: 'inspect', repo, revision: 'main', ...this.#hub() }, (reply) => {
      if (reply.type === 'result') this.#result(reply.result);
      else if (reply.type === 'failed') (this.inspections = update(this.inspections, repo, { state: 'failed', error: reply.error }));
    });
  }

  download(repo: string, dtype: Dtype, revision = 'main'): void {
    const jobId = this.#run({ type: 'download', repo, revision, dtype, ...this.#hub() }, (reply) => this.#transferReply(repo, reply, true), RESUME_ADVICE);
    this.transfers = update(this.transfers, repo, { state: 'starting', jobId, local: true });
  }

  /** Resume an interrupted download at the commit it started on. */
  resume(model: StoredModel): void {
    this.download(model.repo, model.dtype, model.revision);
  }

  cancel(repo: string): void {
    const transfer = this.transfers[repo];
    if (transfer && 'local' in transfer && transfer.local) this.#jobs.send(frozen({ type: 'cancel', jobId: transfer.jobId }));
    else this.#tabs.postMessage(frozen({ type: 'abort-repo', repo }));
  }

  /** Ask the hub whether installed models have newer commits (on demand, or at most daily). */
  checkUpdates(): void {
    this.updateCheck = { state: 'checking' };
    this.#run({ type: 'check-updates', ...this.#hub() }, (reply) => {
      if (reply.type === 'result') this.#result(reply.result);
      else if (reply.type === 'failed') this.updateCheck = { state: 'done', at: Date.now(), failed: this.stored.length };
    });
  }

  /** Update an installed model to its revision's newest commit: only changed files are fetched. */
  update(repo: string): void {
    const info = this.updates[repo];
    const installed = this.stored.find((m) => m.repo === repo && m.state === 'installed');
    if (info && installed) this.download(repo, installed.dtype, info.revision);
  }

  /** Delete the model's bytes; a download of it here or in another tab is cancelled first. */
  remove(repo: string): void {
    this.#run({ type: 'delete', repo }, (reply) => this.#transferReply(repo, reply, true));
  }

  #run(request: JobStart<DownloadRequest>, onreply: (reply: DownloadReply) => void, advice?: string): string {
    const jobId = this.#jobs.run(request, { onreply, advice });
    this.#mine.add(jobId);
    return jobId;
  }

  /** Another tab's download or delete: shown on its row, and watched until that tab lets go of the repo. */
  #relayed(repo: string, reply: DownloadReply): void {
    if (reply.type === 'progress') this.#watch(repo);
    this.#transferReply(repo, reply, false);
  }

  #transferReply(repo: string, reply: DownloadReply, local: boolean): void {
    switch (reply.type) {
      case 'progress': return this.#progress(repo, reply.jobId, reply.progress, local);
      case 'update': return this.#file(repo, reply.update);
      case 'result': return this.#result(reply.result);
      case 'cancelled':
        this.transfers = update(this.transfers, repo, undefined);
        return this.refresh();
      case 'failed':
        this.transfers = update(this.transfers, repo, { state: 'failed', error: reply.error });
        return this.refresh();
      default: reply satisfies never;
    }
  }

  #result(result: DownloadResult): void {
    switch (result.type) {
      case 'inspected': this.inspections = update(this.inspections, result.repo, { state: 'ready', commit: result.commit, options: result.options }); return;
      case 'busy': this.transfers = update(this.transfers, result.repo, { state: 'busy' }); return;
      case 'listed':
        this.stored = result.models;
        if (result.freed > 0) this.#events.emit('change', undefined); // orphaned bytes went: the storage meter shows it
        return;
      case 'updates':
        this.updates = Object.freeze(Object.fromEntries(result.updates.map((u) => [u.repo, u])));
        this.updateCheck = { state: 'done', at: Date.now(), failed: result.failed.length };
        return;
      case 'installed':
      case 'deleted':
        [this.transfers, this.updates] = [update(this.transfers, result.repo, undefined), update(this.updates, result.repo, undefined)];
        this.refresh();
        this.#events.emit('change', undefined);
        return;
      default: result satisfies never;
    }
  }

  #progress(repo: string, jobId: string, progress: Progress, local: boolean): void {
    const now = this.#clock();
    const previous = this.transfers[repo];
    const running = previous?.state === 'running' && previous.jobId === jobId ? previous : null;
    const pace = running ? paced(running.pace, now, progress.done) : startPace(now, progress.done, PACE_WINDOW_MS);
    const wait = running?.wait && now - running.wait.receivedAt < running.wait.notice.delayMs ? running.wait : null;
    this.transfers = update(this.transfers, repo, { state: 'running', jobId, local, done: progress.done, total: progress.total, pace, file: running?.file ?? null, receivedAt: now, wait });
  }

  /** The file the last bytes came from; a retry one request waits out stays on the row until it is over. */
  #file(repo: string, file: DownloadUpdate): void {
    const running = this.transfers[repo];
    if (running?.state !== 'running') return;
    const wait = file.retry ? { notice: file.retry, receivedAt: this.#clock() } : running.wait;
    this.transfers = update(this.transfers, repo, { ...running, file, wait });
  }

  /** Another tab downloads `repo`: once its lock frees (done, or that tab closed), show what is on disk. */
  #watch(repo: string): void {
    if (!this.#whenRepoFree || this.#watching.has(repo)) return;
    this.#watching.add(repo);
    this.#whenRepoFree(repo, () => {
      this.#watching.delete(repo);
      const transfer = this.transfers[repo];
      if (transfer && 'local' in transfer && !transfer.local) this.transfers = update(this.transfers, repo, undefined);
      this.refresh();
    });
  }
}
