import { downloadModel } from '../../core/download/download-model.ts';
import type { HasherFactory } from '../../core/download/hasher.ts';
import { toErrorData } from '../../core/errors.ts';
import { message, type DownloadReply, type DownloadRequest } from '../../core/protocol.ts';
import type { ModelStore } from '../../core/store/model-store.ts';
import type { RecordStore } from '../../core/store/records.ts';
import { sleep } from '../../core/util/sleep.ts';
import { createYielder } from './yield-to-events.ts';

type DownloadMessage = Extract<DownloadRequest, { type: 'download' }>;

export interface JobDeps {
  readonly store: ModelStore;
  readonly records: RecordStore;
  readonly createHasher: HasherFactory;
  readonly fetch: typeof fetch;
  readonly estimate: () => Promise<{ quota: number; usage: number } | null>;
  /** Runs `work` holding the repo's cross-tab lock, or returns false at once if another tab holds it. */
  readonly withRepoLock: (repo: string, work: () => Promise<void>) => Promise<boolean>;
  readonly post: (reply: DownloadReply) => void;
}

/** The download worker's running jobs: one AbortController each, and one job per repo. */
export class DownloadJobs {
  readonly #deps: JobDeps;
  readonly #yield = createYielder();
  readonly #running = new Map<string, { repo: string; controller: AbortController; finished: Promise<void> }>();

  constructor(deps: JobDeps) {
    this.#deps = deps;
  }

  async start(request: DownloadMessage): Promise<void> {
    const previous = [...this.#running.values()].find((job) => job.repo === request.repo);
    await previous?.finished; // a cancelled job of this repo still closing its files
    const controller = new AbortController();
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.#running.set(request.jobId, { repo: request.repo, controller, finished });
    try {
      const locked = await this.#deps.withRepoLock(request.repo, () => this.#run(request, controller.signal));
      if (!locked) this.#deps.post(message({ type: 'busy', jobId: request.jobId, repo: request.repo }));
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
    this.#deps.post(message({ type: 'cancelled', jobId, repo: job.repo }));
  }

  abortRepo(repo: string): void {
    for (const [jobId, job] of this.#running) if (job.repo === repo) this.abort(jobId);
  }

  /** Abort the repo's jobs and wait until their files are closed (OPFS refuses to delete open files). */
  async stopRepo(repo: string): Promise<void> {
    const jobs = [...this.#running.values()].filter((job) => job.repo === repo);
    this.abortRepo(repo);
    await Promise.all(jobs.map((job) => job.finished));
  }

  async #run(request: DownloadMessage, signal: AbortSignal): Promise<void> {
    const { jobId, repo } = request;
    try {
      for await (const event of downloadModel({
        ...this.#deps,
        repo,
        revision: request.revision,
        dtype: request.dtype,
        hubUrl: request.hubUrl,
        accessToken: request.token,
        signal,
        sleep,
        now: () => performance.now(),
        random: Math.random,
        yieldToEvents: this.#yield,
      })) {
        if (signal.aborted) break; // `cancelled` went out already: nothing may follow it
        if (event.type === 'planned') this.#deps.post(message({ type: 'started', jobId, repo, dtype: event.plan.dtype, total: event.plan.totalBytes, onDisk: event.onDisk }));
        else if (event.type === 'progress') this.#deps.post(message({ ...event, jobId, repo }));
        else this.#deps.post(message({ type: 'done', jobId, repo, manifest: event.manifest }));
      }
    } catch (error) {
      if (!signal.aborted) this.#deps.post(message({ type: 'error', jobId, repo, error: toErrorData(error) }));
    }
  }
}
