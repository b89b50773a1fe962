import type { AnyJobReply, AliveMessage } from '../../core/job/job-protocol.ts';
import { isEnd } from '../../core/job/job-protocol.ts';

/** The part of a Worker a job owner uses, so specs (and workers that own workers) can pass their own. */
export interface JobWorker<Out, In> {
  postMessage(message: Out, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  /** A worker that failed to load or crashed; `messageerror`: a message that could not be read. */
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Calls `ondeath` once the worker holding `lock` (its `alive` message) is gone, however it went. */
export type WatchLife = (lock: string, ondeath: () => void) => void;

export interface JobOwnerDeps<Req, Reply> {
  /** A fresh worker: at the first job, and at the next job after one died or was terminated. */
  readonly spawn: () => JobWorker<Req, Reply | AliveMessage>;
  /** Who stopped, as a person reads it: "The transcription worker". */
  readonly name: string;
  /** Without it, only `error` events tell of a death. */
  readonly watchLife?: WatchLife;
  readonly newId?: () => string;
}

export interface RunOptions<Reply> {
  readonly onreply: (reply: Reply) => void;
  readonly transfer?: Transferable[];
  /** What the person can do when the worker dies under this job, said after "<name> stopped (why)." */
  readonly advice?: string;
}

/** Omit over each member of a union (a request without its job id). */
export type JobStart<Req> = Req extends unknown ? Omit<Req, 'jobId'> : never;

/** What an `error` event of a worker says, when it says anything (an ErrorEvent's message). */
export function errorText(event: Event): string {
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : 'it failed to start or stopped';
}

let counter = 0;
const defaultId = (): string => `job-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * The one owner of a kind of worker on the page: spawns it when a job needs it, watches its life
 * lock, routes replies by job id to the job's listener until the job ends, turns a crash or an
 * unreadable message into `failed` for every running job, and a terminate into `cancelled`.
 */
export class JobOwner<Req extends { readonly jobId: string }, Reply extends AnyJobReply> {
  readonly #deps: JobOwnerDeps<Req, Reply>;
  readonly #jobs = new Map<string, RunOptions<Reply>>();
  #worker: JobWorker<Req, Reply | AliveMessage> | null = null;

  constructor(deps: JobOwnerDeps<Req, Reply>) {
    this.#deps = deps;
  }

  /** Jobs that have not ended yet. */
  get running(): number {
    return this.#jobs.size;
  }

  /** Starts a job; `onreply` hears its replies, the last of them its end. Returns its id. */
  run(request: JobStart<Req>, options: RunOptions<Reply>): string {
    const jobId = (this.#deps.newId ?? defaultId)();
    this.#jobs.set(jobId, options);
    this.#ensure().postMessage(Object.freeze({ ...request, jobId }) as unknown as Req, options.transfer ?? []);
    return jobId;
  }

  /** Another message for a running job (cancel, more input); dropped once it ended. */
  send(request: Req, transfer: Transferable[] = []): void {
    if (this.#jobs.has(request.jobId)) this.#worker?.postMessage(Object.freeze(request), transfer);
  }

  /** Stops the worker at once (for work that cannot be interrupted): every running job ends `cancelled`. */
  terminate(): void {
    const worker = this.#worker;
    this.#worker = null;
    worker?.terminate();
    this.#endAll((jobId) => ({ type: 'cancelled', jobId }) as Reply);
  }

  #ensure(): JobWorker<Req, Reply | AliveMessage> {
    if (this.#worker) return this.#worker;
    const worker = this.#deps.spawn();
    worker.addEventListener('message', ({ data }) => this.#receive(worker, data));
    worker.addEventListener('error', (event) => this.#crashed(worker, errorText(event)));
    worker.addEventListener('messageerror', () => this.#crashed(worker, 'a message could not be read'));
    return (this.#worker = worker);
  }

  #receive(worker: JobWorker<Req, Reply | AliveMessage>, reply: Reply | AliveMessage): void {
    if (worker !== this.#worker) return;
    if (reply.type === 'alive') return this.#deps.watchLife?.((reply as AliveMessage).lock, () => this.#crashed(worker, 'it was closed or crashed'));
    const job = this.#jobs.get((reply as Reply).jobId);
    if (!job) return;
    if (isEnd(reply as Reply)) this.#jobs.delete((reply as Reply).jobId);
    job.onreply(reply as Reply);
  }

  /** The worker is gone or broken: its jobs fail with what happened, and the next job gets a fresh one. */
  #crashed(worker: JobWorker<Req, Reply | AliveMessage>, reason: string): void {
    if (worker !== this.#worker) return;
    this.#worker = null;
    worker.terminate();
    const message = (advice?: string): string => `${this.#deps.name} stopped (${reason}).${advice ? ` ${advice}` : ''}`;
    this.#endAll((jobId, job) => ({ type: 'failed', jobId, error: Object.freeze({ code: 'crashed', message: message(job.advice) }) }) as Reply);
  }

  #endAll(end: (jobId: string, job: RunOptions<Reply>) => Reply): void {
    const jobs = [...this.#jobs];
    this.#jobs.clear();
    for (const [jobId, job] of jobs) job.onreply(Object.freeze(end(jobId, job)));
  }
}
