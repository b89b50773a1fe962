import { AttemptError } from './attempt-error.ts';
import { SpeedFloor, type SpeedFloorPolicy } from './speed-floor.ts';

/**
 * One attempt's watchdog: an abort signal for the attempt that fires when the network has been
 * silent for `timeoutMs` while armed, or (with a speed floor) when the bytes it gets trickle in
 * under the floor for the floor's window. Armed only while waiting on the network (headers, a
 * body read), so slow disks or hashing backpressure never count as a stall.
 */
export interface StallGuard {
  /** Pass to fetch: aborts when the caller's signal does, or on a stall. */
  readonly signal: AbortSignal;
  readonly stalled: boolean;
  /** Body bytes arrived: an attempt under the speed floor for its window is aborted as too slow. */
  received(bytes: number): void;
  arm(): void;
  disarm(): void;
  /** Await `work` with the watchdog armed; a failure becomes what the retry policy needs to see. */
  watch<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

export interface SpeedWatch {
  readonly policy: SpeedFloorPolicy;
  readonly now: () => number;
}

export function createStallGuard(outer: AbortSignal, timeoutMs: number, speed?: SpeedWatch): StallGuard {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled = false;
  let slow = false;
  const floor = speed ? new SpeedFloor(speed.policy, speed.now()) : null;
  const disarm = (): void => clearTimeout(timer);
  const arm = (): void => {
    disarm();
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(new AttemptError({ kind: 'network', stalled: true }, `No data for ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  };
  const asAttemptError = (error: unknown): unknown => {
    if (outer.aborted) return error;
    if (stalled || slow) return controller.signal.reason;
    if (error instanceof AttemptError) return error;
    return new AttemptError({ kind: 'network' }, error instanceof Error ? error.message : String(error));
  };
  return {
    signal: controller.signal,
    get stalled() {
      return stalled;
    },
    received(bytes) {
      if (slow || !floor?.tooSlow(bytes, speed!.now())) return;
      slow = true;
      const windowSeconds = Math.round(speed!.policy.windowMs / 1000);
      controller.abort(new AttemptError({ kind: 'network', slow: true }, `Too slow for ${windowSeconds} s`));
    },
    arm,
    disarm,
    async watch(work) {
      arm();
      try {
        return await work;
      } catch (error) {
        throw asAttemptError(error);
      } finally {
        disarm();
      }
    },
    dispose() {
      disarm();
      outer.removeEventListener('abort', onAbort);
    },
  };
}
