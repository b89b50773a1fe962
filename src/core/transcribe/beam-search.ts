/** A hypothesis: the tokens generated so far and the sum of their log-probabilities. */
export interface Beam {
  readonly tokens: readonly number[];
  readonly logProb: number;
  /** Each token's log-probability, in order: how sure the model was of each word. */
  readonly tokenLogProbs?: readonly number[];
}

/** Log-probabilities of one row of logits at `temperature` (0 means 1: greedy and beams use plain softmax). */
export function logSoftmax(logits: Float32Array, temperature = 0): Float32Array {
  const scale = temperature > 0 ? 1 / temperature : 1;
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] * scale > max) max = logits[i] * scale;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] * scale - max);
  const log = max + Math.log(sum);
  return logits.map((v) => v * scale - log);
}

/** The `k` best token ids of a row, best first. */
export function topK(row: Float32Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (row[i] === -Infinity || (best.length === k && row[i] <= row[best[k - 1]])) continue;
    let at = best.length === k ? k - 1 : best.length;
    best[at] = i;
    while (at > 0 && row[best[at]] > row[best[at - 1]]) {
      [best[at], best[at - 1]] = [best[at - 1], best[at]];
      at -= 1;
    }
  }
  return best;
}

export interface BeamStep {
  /** Hypotheses still going, each with the index of the beam it grew from (to reorder the model's cache). */
  readonly alive: readonly (Beam & { readonly source: number })[];
  /** Hypotheses that ended with end-of-text in this step, with the beam they grew from. */
  readonly finished: readonly (Beam & { readonly source: number })[];
}

/**
 * One step of beam search as Whisper does it: every beam offers its `size + 1` best next tokens,
 * the best `size` continuations that do not end live on, the ones that end with `eot` are finished.
 * `rows[i]` holds beam i's log-probabilities; `first` keeps only beam 0's (all beams start equal).
 */
export function beamStep(beams: readonly Beam[], rows: readonly Float32Array[], size: number, eot: number, first = false): BeamStep {
  const candidates = (first ? beams.slice(0, 1) : beams).flatMap((beam, source) =>
    topK(rows[source], size + 1).map((token) => ({ source, token, logProb: beam.logProb + rows[source][token] })),
  );
  candidates.sort((a, b) => b.logProb - a.logProb);
  const alive: (Beam & { source: number })[] = [];
  const finished: (Beam & { source: number })[] = [];
  for (const c of candidates) {
    if (alive.length === size) break;
    const beam = beams[c.source];
    const grown = { tokens: [...beam.tokens, c.token], logProb: c.logProb, tokenLogProbs: [...(beam.tokenLogProbs ?? []), rows[c.source][c.token]] };
    if (c.token === eot) finished.push(Object.freeze({ ...grown, source: c.source }));
    else alive.push(Object.freeze({ ...grown, source: c.source }));
  }
  return Object.freeze({ alive, finished });
}

/** Whisper's ranking of finished hypotheses without a length penalty: log-probability per token. */
export function bestBeam(finished: readonly Beam[]): Beam | undefined {
  const score = (b: Beam): number => b.logProb / Math.max(1, b.tokens.length);
  return finished.reduce<Beam | undefined>((best, b) => (best === undefined || score(b) > score(best) ? b : best), undefined);
}

/** A token drawn from log-probabilities (already divided by the temperature); `random` in [0, 1). */
export function sampleToken(row: Float32Array, random: number): number {
  let left = random;
  let last = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === -Infinity) continue;
    left -= Math.exp(row[i]);
    last = i;
    if (left < 0) return i;
  }
  return last;
}
