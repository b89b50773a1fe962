import { TIMING_RULES, type TimingRules } from '../../core/subtitles/timing-rules.ts';

const KEY = 'whisper-studio:reading-speed';

/** The timing rules the editor checks, with the reading speed the person set (remembered). */
export class TimingChoice {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Characters per second, at most. */
  cps = $state(TIMING_RULES.cps);
  rules = $derived<TimingRules>(Object.freeze({ ...TIMING_RULES, cps: this.cps }));

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'>) {
    this.#storage = storage;
    const stored = Number(storage.getItem(KEY));
    if (Number.isFinite(stored) && stored >= 5 && stored <= 40) this.cps = stored;
  }

  setCps(cps: number): void {
    if (!Number.isFinite(cps) || cps < 5 || cps > 40) return;
    this.cps = cps;
    this.#storage.setItem(KEY, String(cps));
  }
}
