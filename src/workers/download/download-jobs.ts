import { limitConnections } from '../../core/download/concurrency.ts';
import { downloadModel } from '../../core/download/download-model.ts';
import type { NetworkContext, StorageContext, TransferPolicies } from '../../core/download/transfer-context.ts';
import { toErrorData } from '../../core/errors.ts';
import { frozen } from '../../core/job/job-protocol.ts';
import type { DownloadReply, DownloadRequest } from '../../core/download/download-protocol.ts';
import { deleteStoredModel } from '../../core/store/delete-stored-model.ts';
import type { RecordStore } from '../../core/store/records.ts';

type DownloadMessage = Extract<DownloadRequest, { type: 'download' }>;

/** `if-available`: give up at once when another tab holds the lock; `wait`: queue for it. */
export type LockMode = 'if-available' | 'wait';

export interface JobDeps {
  /** The network side; the hub and token come with each request. */
  readonly net: Omit<NetworkContext, 'hubUrl' | 'accessToken'>;
  readonly storage: StorageContext;
  readonly records: RecordStore;
  readonly estimate: () => Promise<{ quota: number; usage: number } | null>;
  /** Runs `work` holding the repo's cross-tab lock; false when the mode is `if-available` and another tab holds it. */
  readonly withRepoLock: (repo: string, mode: LockMode, work: () => Promise<void>) => Promise<boolean>;
  /** Asks other tabs to cancel their download of the repo. */
  readonly abortElsewhere: (repo: string) => void;
  /** A job's reply; `repo`: the repo a download or delete is about (other tabs hear of those too). */
  readonly post: (reply: DownloadReply, repo: string) => void;
  readonly policies?: TransferPolicies;
}

interface Job {
  readonly repo: string;
  readonly controller: AbortController;
  readonly finished: Promise<void>;
}

/** The download worker's running jobs: one AbortController each, and one job per repo. */
export class DownloadJobs {
  readonly #deps: JobDeps;
  readonly #running = new Map<string, Job>();

  constructor(deps: JobDeps) {
    this.#deps = deps;
  }

  /** Registered before anything is awaited, so an abort or delete that arrives while it waits is honoured. */
  async start(request: DownloadMessage): Promise<void> {
    const previous = this.#jobsOf(request.repo);
    const controller = new AbortController();
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.#running.set(request.jobId, { repo: request.repo, controller, finished });
    try {
      await Promise.all(previous.map((job) => job.finished)); // a cancelled job of this repo still closing its files
      if (controller.signal.aborted) return;
      const locked = await this.#deps.withRepoLock(request.repo, 'if-available', () => this.#run(request, controller.signal));
      if (!locked && !controller.signal.aborted) this.#deps.post(frozen({ type: 'result', jobId: request.jobId, result: { type: 'busy', repo: request.repo } }), request.repo);
    } finally {
      this.#running.delete(request.jobId);
      finish();
    }
  }

  /** Replies `cancelled` before the files are closed: closing a big file takes ~90 ms. */
  abort(jobId: string): void {
    const job = this.#running.get(jobId);
    if (!job || job.controller.signal.aborted) return;
    job.controller.abort();
    this.#deps.post(frozen({ type: 'cancelled', jobId }), job.repo);
  }

  abortRepo(repo: string): void {
    for (const [jobId, job] of this.#running) if (job.repo === repo) this.abort(jobId);
  }

  /**
   * Delete a model's files and records. Downloads of it here and in other tabs are cancelled, and
   * the delete runs under the repo's lock, so it never races a download in another tab.
   */
  async remove(repo: string, jobId: string): Promise<void> {
    const local = this.#jobsOf(repo);
    this.abortRepo(repo);
    this.#deps.abortElsewhere(repo);
    await Promise.all(local.map((job) => job.finished)); // OPFS refuses to delete open files
    await this.#deps.withRepoLock(repo, 'wait', () => deleteStoredModel(repo, this.#deps.records, this.#deps.storage.store));
    this.#deps.post(frozen({ type: 'result', jobId, result: { type: 'deleted', repo } }), repo);
  }

  #jobsOf(repo: string): Job[] {
    return [...this.#running.values()].filter((job) => job.repo === repo);
  }

  async #run(request: DownloadMessage, signal: AbortSignal): Promise<void> {
    const { jobId, repo } = request;
    try {
      const { net, storage, records, estimate, policies } = this.#deps;
      const concurrency = request.maxConnections ? limitConnections(request.maxConnections) : policies?.concurrency;
      const params = { ...policies, concurrency, repo, revision: request.revision, dtype: request.dtype, storage, records, estimate, signal };
      const post = (reply: DownloadReply): void => this.#deps.post(frozen(reply), repo);
      for await (const event of downloadModel({ ...params, net: { ...net, hubUrl: request.hubUrl, accessToken: request.accessToken } })) {
        if (signal.aborted) break; // `cancelled` went out already: nothing may follow it
        if (event.type === 'started') post({ type: 'progress', jobId, progress: { done: event.done, total: event.plan.totalBytes, unit: 'bytes' } });
        else if (event.type === 'done') post({ type: 'result', jobId, result: { type: 'installed', repo, manifest: event.manifest } });
        else {
          post({ type: 'progress', jobId, progress: { done: event.done, total: event.total, unit: 'bytes' } });
          post({ type: 'update', jobId, update: { type: 'file', ...event.file, retry: event.retry } });
        }
      }
    } catch (error) {
      if (!signal.aborted) this.#deps.post(frozen({ type: 'failed', jobId, error: toErrorData(error) }), repo);
    }
  }
}
