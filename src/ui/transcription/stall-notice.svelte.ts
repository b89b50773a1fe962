import { moved, startWatch, stillFor, type ProgressWatch } from '../../core/job/progress-watch.ts';

export interface Clock {
  now(): number;
  /** Calls `fn` every `ms`; returns what stops it. */
  every(fn: () => void, ms: number): () => void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  every(fn, ms) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};

/** How often a running job is looked at. */
const LOOK_EVERY_MS = 5000;

/** While a job runs: how long neither reading nor transcribing has moved, once that is long enough to tell the person. */
export class StallNotice {
  stillSeconds = $state<number | null>(null);
  readonly #clock: Clock;
  #watch: ProgressWatch | null = null;
  #stopLooking: (() => void) | null = null;

  constructor(clock: Clock = realClock) {
    this.#clock = clock;
  }

  start(): void {
    this.stop();
    this.#watch = startWatch(this.#clock.now());
    this.#stopLooking = this.#clock.every(() => (this.stillSeconds = this.#watch && stillFor(this.#watch, this.#clock.now())), LOOK_EVERY_MS);
  }

  moved(): void {
    if (!this.#watch) return;
    this.#watch = moved(this.#watch, this.#clock.now());
    this.stillSeconds = null;
  }

  stop(): void {
    this.#stopLooking?.();
    [this.#stopLooking, this.#watch, this.stillSeconds] = [null, null, null];
  }
}
