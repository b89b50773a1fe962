/**
 * A connection that trickles (a byte a second, never silent, never closed) beats a silence
 * watchdog forever. Download managers drop a transfer that stays under a minimum speed for a
 * while (curl --speed-limit/--speed-time, aria2 --lowest-speed-limit) and retry from what they
 * have: so does an attempt here, once it has run for `windowMs`.
 */
export interface SpeedFloorPolicy {
  readonly windowMs: number;
  /** Slower than this over the window is too slow, whatever the connection did before. */
  readonly minBytesPerSecond: number;
  /** Slower than this share of the best second the attempt had is too slow too. */
  readonly fractionOfBest: number;
}

export const DEFAULT_SPEED_FLOOR: SpeedFloorPolicy = Object.freeze({ windowMs: 20_000, minBytesPerSecond: 16 * 1024, fractionOfBest: 0.05 });

const SECOND = 1000;

/** One attempt's bytes by whole second since it began: its speed over the window, and its best second. */
export class SpeedFloor {
  readonly #policy: SpeedFloorPolicy;
  readonly #startedAt: number;
  /** Bytes per second of the attempt, by second index. */
  readonly #seconds: number[] = [];
  #best = 0;

  constructor(policy: SpeedFloorPolicy, startedAt: number) {
    [this.#policy, this.#startedAt] = [policy, startedAt];
  }

  /** `bytes` arrived at `now`: whether the attempt has been too slow for a whole window. */
  tooSlow(bytes: number, now: number): boolean {
    const second = Math.floor((now - this.#startedAt) / SECOND);
    while (this.#seconds.length <= second) {
      if (this.#seconds.length > 0) this.#best = Math.max(this.#best, this.#seconds.at(-1)!);
      this.#seconds.push(0);
    }
    this.#seconds[second] += bytes;
    if (now - this.#startedAt < this.#policy.windowMs) return false;
    const windowSeconds = Math.ceil(this.#policy.windowMs / SECOND);
    const recent = this.#seconds.slice(-windowSeconds - 1, -1).reduce((a, b) => a + b, 0) / windowSeconds;
    return recent < Math.max(this.#policy.minBytesPerSecond, this.#policy.fractionOfBest * this.#best);
  }
}
