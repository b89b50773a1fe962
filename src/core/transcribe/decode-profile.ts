/** Where decoding time went, by phase, and how often each extra pass fired: what the bench prints. */
export interface ProfileData {
  /** Milliseconds by phase. */
  readonly ms: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Accumulates time per phase and event counts over a transcription. Phases may nest (a phase's
 * time includes what it awaits); the bench reads them as a breakdown of the decode.
 */
export class DecodeProfile {
  readonly #now: () => number;
  readonly #ms = new Map<string, number>();
  readonly #counts = new Map<string, number>();

  constructor(now: () => number) {
    this.#now = now;
  }

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = this.#now();
    try {
      return await work();
    } finally {
      this.#ms.set(phase, (this.#ms.get(phase) ?? 0) + this.#now() - start);
    }
  }

  count(event: string, by = 1): void {
    this.#counts.set(event, (this.#counts.get(event) ?? 0) + by);
  }

  data(): ProfileData {
    return Object.freeze({ ms: Object.freeze(Object.fromEntries(this.#ms)), counts: Object.freeze(Object.fromEntries(this.#counts)) });
  }
}

/** A profile that records nothing, for runs nobody measures. */
export const NO_PROFILE = {
  time: <T>(_phase: string, work: () => Promise<T>): Promise<T> => work(),
  count: (): void => undefined,
};

export type Profiler = Pick<DecodeProfile, 'time' | 'count'>;
