/** Cross-attention of one alignment head: `tokens` rows of `frames` weights, row-major. */
export interface HeadWeights {
  readonly data: Float32Array;
  readonly tokens: number;
  readonly frames: number;
}

/** Seconds per encoder frame (Whisper: 1500 frames for 30 s). */
export const FRAME_SECONDS = 0.02;

/** An index mirrored back into [0, n), as a median filter pads its edges. */
const reflect = (i: number, n: number): number => (i < 0 ? Math.min(n - 1, -i) : i >= n ? Math.max(0, 2 * n - 2 - i) : i);

/** The median of `taps` (sorted in place: a small buffer reused for every cell, no allocation). */
function medianInPlace(taps: Float32Array): number {
  for (let i = 1; i < taps.length; i++) {
    const v = taps[i];
    let j = i - 1;
    for (; j >= 0 && taps[j] > v; j--) taps[j + 1] = taps[j];
    taps[j + 1] = v;
  }
  return taps[taps.length >> 1];
}

/** Each frame normalised over the tokens, each token's row median-filtered over time (width odd). */
function smooth(head: HeadWeights, width: number): Float32Array {
  const { data, tokens, frames } = head;
  const out = new Float32Array(data.length);
  for (let f = 0; f < frames; f++) {
    let mean = 0;
    for (let t = 0; t < tokens; t++) mean += data[t * frames + f] / tokens;
    let variance = 0;
    for (let t = 0; t < tokens; t++) variance += (data[t * frames + f] - mean) ** 2 / tokens;
    const std = Math.sqrt(variance) || 1;
    for (let t = 0; t < tokens; t++) out[t * frames + f] = (data[t * frames + f] - mean) / std;
  }
  const half = Math.floor(width / 2);
  const filtered = new Float32Array(out.length);
  const taps = new Float32Array(2 * half + 1);
  for (let t = 0; t < tokens; t++) {
    for (let f = 0; f < frames; f++) {
      for (let k = -half; k <= half; k++) taps[k + half] = out[t * frames + reflect(f + k, frames)];
      filtered[t * frames + f] = medianInPlace(taps);
    }
  }
  return filtered;
}

/** Minimum-cost monotonic path through a tokens × frames cost matrix: for each step, its token and frame. */
export function dynamicTimeWarping(cost: Float32Array, tokens: number, frames: number): { token: number[]; frame: number[] } {
  const total = new Float64Array((tokens + 1) * (frames + 1)).fill(Infinity);
  const trace = new Uint8Array((tokens + 1) * (frames + 1));
  const at = (i: number, j: number): number => i * (frames + 1) + j;
  total[0] = 0;
  for (let j = 1; j <= frames; j++) {
    for (let i = 1; i <= tokens; i++) {
      // The first of the cheapest in the order diagonal, down, right (ties as before).
      const [diagonal, down, right] = [total[at(i - 1, j - 1)], total[at(i - 1, j)], total[at(i, j - 1)]];
      let [move, best] = [0, diagonal];
      if (down < best) [move, best] = [1, down];
      if (right < best) [move, best] = [2, right];
      total[at(i, j)] = cost[(i - 1) * frames + (j - 1)] + best;
      trace[at(i, j)] = move;
    }
  }
  const token: number[] = [];
  const frame: number[] = [];
  for (let i = tokens, j = frames; i > 0 && j > 0; ) {
    token.push(i - 1);
    frame.push(j - 1);
    const move = trace[at(i, j)];
    if (move !== 2) i -= 1;
    if (move !== 1) j -= 1;
  }
  return { token: token.reverse(), frame: frame.reverse() };
}

/**
 * When each token starts, in seconds, from the cross-attention of the model's alignment heads
 * (Whisper's word timestamps): normalise and smooth each head, average them, and find the
 * cheapest monotonic alignment of tokens to audio frames. Rows before `skip` (the prompt) are
 * left out; the result has one start per remaining token.
 */
export function tokenStarts(heads: readonly HeadWeights[], skip: number, medianWidth = 7): number[] {
  const { tokens, frames } = heads[0];
  const rows = tokens - skip;
  if (rows <= 0 || frames === 0) return [];
  const cost = new Float32Array(rows * frames);
  for (const head of heads) {
    const smoothed = smooth(head, medianWidth);
    for (let i = 0; i < cost.length; i++) cost[i] -= smoothed[skip * frames + i] / heads.length;
  }
  const path = dynamicTimeWarping(cost, rows, frames);
  const starts: number[] = [];
  path.token.forEach((t, k) => {
    if (k === 0 || t !== path.token[k - 1]) starts.push(path.frame[k] * FRAME_SECONDS);
  });
  return starts;
}
