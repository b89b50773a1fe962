/** One count of work done (any unit) at a time (ms). */
export interface PaceSample {
  readonly at: number;
  readonly done: number;
}

/**
 * A job's speed, for every job kind (bytes of a download, seconds of media transcribed or
 * exported): the counts of the last `windowMs` (Infinity: since the start, two samples kept).
 */
export interface Pace {
  readonly samples: readonly PaceSample[];
  readonly windowMs: number;
}

/** When a speed says something: warm-up (a model loading, a first window) dominates little work. */
export interface PaceOptions {
  /** Work done since the first sample before a speed is told. */
  readonly minDone?: number;
  /** Time since the first sample before a speed is told, in ms. */
  readonly minMs?: number;
  /** Time since the last sample with no new work, in ms: the speed decays to 0 over the window. */
  readonly sinceMs?: number;
}

export const startPace = (at: number, done = 0, windowMs = Infinity): Pace => Object.freeze({ samples: Object.freeze([Object.freeze({ at, done })]), windowMs });

/** The pace with a new count: samples older than the window go (the first stays when the window is endless). */
export function paced(pace: Pace, at: number, done: number): Pace {
  const sample = Object.freeze({ at, done });
  const kept = pace.windowMs === Infinity ? pace.samples.slice(0, 1) : pace.samples.filter((s) => at - s.at <= pace.windowMs);
  return Object.freeze({ ...pace, samples: Object.freeze([...kept, sample]) });
}

/** Units per second over the window, or null until enough is done to tell (0 while nothing moves). */
export function speed(pace: Pace, options: PaceOptions = {}): number | null {
  const [first, last] = [pace.samples[0], pace.samples[pace.samples.length - 1]];
  const [ms, work] = [last.at - first.at, last.done - first.done];
  if (ms <= 0 || ms < (options.minMs ?? 0) || work < (options.minDone ?? 0)) return null;
  const rate = (work * 1000) / ms;
  const decayMs = pace.windowMs === Infinity ? ms : pace.windowMs;
  return rate * Math.max(0, 1 - Math.max(0, options.sinceMs ?? 0) / decayMs);
}

/** Seconds left to reach `total` at the speed so far, or null while the speed is unknown or 0. */
export function timeLeft(pace: Pace, total: number, options: PaceOptions = {}): number | null {
  const done = pace.samples[pace.samples.length - 1].done;
  if (done >= total) return 0;
  const rate = speed(pace, options);
  return rate ? (total - done) / rate : null;
}
