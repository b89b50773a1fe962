import { backOff, DEFAULT_CONCURRENCY, observeBytes, startConcurrency, type Concurrency, type ConcurrencyPolicy } from './concurrency.ts';
import type { RetryReason } from './retry-policy.ts';

/** What a running download task reports: bytes of a file that reached the disk (negative when a file starts over), or a retry. */
export type TaskEvent =
  | { readonly type: 'bytes'; readonly path: string; readonly delta: number }
  | { readonly type: 'retry'; readonly path: string; readonly reason: RetryReason; readonly delayMs: number };

/** A request's worth of work (a whole small file, or one segment of a big one). */
export interface PoolTask {
  run(signal: AbortSignal): AsyncGenerator<TaskEvent>;
}

export interface PoolParams {
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** @default DEFAULT_CONCURRENCY */
  readonly concurrency?: ConcurrencyPolicy;
}

const BACK_OFF: ReadonlySet<RetryReason> = new Set(['stalled', 'too-slow', 'server', 'server-asked', 'rate-limited']);

/** The running state of one pool: tasks started in order up to the adaptive limit, their events queued. */
class Pool {
  readonly #tasks: readonly PoolTask[];
  readonly #p: PoolParams;
  readonly #policy: ConcurrencyPolicy;
  readonly #controller = new AbortController();
  readonly #running = new Set<Promise<void>>();
  readonly #events: TaskEvent[] = [];
  readonly #onAbort = (): void => this.#controller.abort(this.#p.signal.reason);
  #concurrency: Concurrency;
  #next = 0;
  #failure: { error: unknown } | null = null;
  #wake: (() => void) | null = null;

  constructor(tasks: readonly PoolTask[], p: PoolParams) {
    [this.#tasks, this.#p, this.#policy] = [tasks, p, p.concurrency ?? DEFAULT_CONCURRENCY];
    this.#concurrency = startConcurrency(p.now(), this.#policy);
    p.signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Start tasks while the limit allows and nothing failed. */
  fill(): void {
    while (this.#failure === null && !this.#controller.signal.aborted && this.#running.size < this.#concurrency.limit && this.#next < this.#tasks.length) {
      this.#launch(this.#tasks[this.#next++]);
    }
  }

  /** Events as they come, until every task ended; then the first failure, if any. */
  async *drain(): AsyncGenerator<TaskEvent> {
    while (this.#running.size > 0 || this.#events.length > 0) {
      if (this.#events.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
      while (this.#events.length > 0) yield this.#events.shift()!;
    }
    if (this.#failure) throw this.#failure.error;
  }

  /** Abort what still runs and wait until it stopped, so no task writes to a file about to close. */
  async close(): Promise<void> {
    this.#controller.abort();
    await Promise.all(this.#running);
    this.#p.signal.removeEventListener('abort', this.#onAbort);
  }

  #launch(task: PoolTask): void {
    let run: Promise<void> | null = null;
    run = (async () => {
      try {
        for await (const event of task.run(this.#controller.signal)) this.#receive(event);
      } catch (error) {
        this.#failure ??= { error };
        this.#controller.abort(error);
      } finally {
        await Promise.resolve(); // `run` is assigned by the time a task that ends at once gets here
        this.#running.delete(run!);
        this.fill();
        this.#notify();
      }
    })();
    this.#running.add(run);
  }

  #receive(event: TaskEvent): void {
    const now = this.#p.now();
    if (event.type === 'bytes') this.#concurrency = observeBytes(this.#concurrency, now, event.delta, this.#policy);
    else if (BACK_OFF.has(event.reason)) this.#concurrency = backOff(this.#concurrency, now, this.#policy);
    this.#events.push(event);
    this.fill();
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}

/**
 * Run tasks in order, several at once (the limit adapts to what the connections deliver), and
 * yield their events as they come. The first failure aborts every other task; the pool ends
 * only after all of them stopped.
 */
export async function* runPool(tasks: readonly PoolTask[], p: PoolParams): AsyncGenerator<TaskEvent> {
  const pool = new Pool(tasks, p);
  try {
    pool.fill();
    yield* pool.drain();
  } finally {
    await pool.close();
  }
}
