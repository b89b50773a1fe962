import { backOff, observeBytes, startConcurrency, type ConcurrencyPolicy, DEFAULT_CONCURRENCY } from './concurrency.ts';
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

const BACK_OFF: ReadonlySet<RetryReason> = new Set(['stalled', 'server', 'server-asked']);

/**
 * Run tasks in order, several at once (the limit adapts to what the connections deliver), and
 * yield their events as they come. The first failure aborts every other task; the pool ends
 * only after all of them stopped, so no task writes to a file its owner is about to close.
 */
export async function* runPool(tasks: readonly PoolTask[], p: PoolParams): AsyncGenerator<TaskEvent> {
  const policy = p.concurrency ?? DEFAULT_CONCURRENCY;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(p.signal.reason);
  p.signal.addEventListener('abort', onAbort, { once: true });
  let concurrency = startConcurrency(p.now(), policy);
  const events: TaskEvent[] = [];
  const running = new Set<Promise<void>>();
  let next = 0;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const launch = (task: PoolTask): void => {
    let run: Promise<void> | null = null;
    run = (async () => {
      try {
        for await (const event of task.run(controller.signal)) {
          if (event.type === 'bytes') concurrency = observeBytes(concurrency, p.now(), event.delta, policy);
          else if (BACK_OFF.has(event.reason)) concurrency = backOff(concurrency, p.now(), policy);
          events.push(event);
          fill();
          notify();
        }
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      } finally {
        await Promise.resolve(); // `run` is assigned by the time a task that ends at once gets here
        running.delete(run!);
        fill();
        notify();
      }
    })();
    running.add(run);
  };
  const fill = (): void => {
    while (failure === null && !controller.signal.aborted && running.size < concurrency.limit && next < tasks.length) launch(tasks[next++]);
  };
  try {
    fill();
    while (running.size > 0 || events.length > 0) {
      if (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      while (events.length > 0) yield events.shift()!;
    }
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    controller.abort();
    await Promise.all(running);
    p.signal.removeEventListener('abort', onAbort);
  }
}
