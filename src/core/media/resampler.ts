/**
 * Streaming sample-rate conversion of mono audio: a windowed-sinc low-pass evaluated at each output
 * instant, so 44.1 or 48 kHz media reaches 16 kHz without aliasing above 8 kHz, chunk by chunk, with
 * the same result as converting the whole signal at once.
 */
export interface Resampler {
  /** Output for as much of the input so far as the filter can see both sides of. */
  push(input: Float32Array): Float32Array;
  /** The rest of the output, the input being over (silence assumed after it). */
  flush(): Float32Array;
}

/** Zero crossings of the sinc on each side of an output instant, in output samples. */
const ZERO_CROSSINGS = 8;
/** Kernel resolution: table points per input sample. */
const PHASES = 256;
/** Cutoff below the lower Nyquist rate, leaving the filter room to roll off. */
const CUTOFF = 0.92;

function blackman(x: number): number {
  return 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
}

/** The low-pass impulse response sampled every 1/PHASES input samples over [0, halfWidth]. */
function kernelTable(cutoff: number, halfWidth: number): Float32Array {
  const table = new Float32Array(Math.ceil(halfWidth * PHASES) + 2);
  for (let i = 0; i < table.length; i++) {
    const x = i / PHASES;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
    table[i] = x >= halfWidth ? 0 : cutoff * sinc * blackman(x / halfWidth);
  }
  return table;
}

class SincResampler implements Resampler {
  readonly #step: number;
  readonly #half: number;
  readonly #table: Float32Array;
  /** Input not yet behind every future output: `#length` samples from `#buffer[#start]`, reused between pushes. */
  #buffer = new Float32Array(0);
  #start = 0;
  #length = 0;
  /** Absolute input index of the first pending sample. */
  #base = 0;
  #produced = 0;
  #consumed = 0;

  constructor(inRate: number, outRate: number) {
    this.#step = inRate / outRate;
    const cutoff = CUTOFF * Math.min(1, outRate / inRate);
    this.#half = ZERO_CROSSINGS / cutoff;
    this.#table = kernelTable(cutoff, this.#half);
  }

  push(input: Float32Array): Float32Array {
    this.#consumed += input.length;
    this.#reserve(input.length);
    this.#buffer.set(input, this.#start + this.#length);
    this.#length += input.length;
    return this.#emit(this.#base + this.#length - this.#half);
  }

  flush(): Float32Array {
    return this.#emit(Infinity, Math.ceil(this.#consumed / this.#step));
  }

  /** Room for `more` samples after the pending ones: moved to the front, or a larger buffer. */
  #reserve(more: number): void {
    if (this.#start + this.#length + more <= this.#buffer.length) return;
    const pending = this.#buffer.subarray(this.#start, this.#start + this.#length);
    if (this.#length + more <= this.#buffer.length) this.#buffer.copyWithin(0, this.#start, this.#start + this.#length);
    else (this.#buffer = new Float32Array(Math.max(2 * this.#buffer.length, this.#length + more))).set(pending);
    this.#start = 0;
  }

  /** Outputs whose centre is below `limit` (input index), up to `count` outputs in all. */
  #emit(limit: number, count = Infinity): Float32Array {
    const end = Math.min(count, Math.ceil(limit / this.#step));
    const out = new Float32Array(Math.max(0, end - this.#produced));
    for (let j = 0; j < out.length; j++) out[j] = this.#at((this.#produced + j) * this.#step);
    this.#produced += out.length;
    const keepFrom = Math.min(this.#base + this.#length, Math.max(this.#base, Math.floor(this.#produced * this.#step - this.#half) - 1));
    this.#start += keepFrom - this.#base;
    this.#length -= keepFrom - this.#base;
    this.#base = keepFrom;
    return out;
  }

  /** The filtered signal at fractional input index `t`. */
  #at(t: number): number {
    const from = Math.max(this.#base, Math.ceil(t - this.#half));
    const to = Math.min(this.#base + this.#length - 1, Math.floor(t + this.#half));
    // Taps are one input sample apart, so their table positions are PHASES apart.
    const first = Math.round((t - from) * PHASES);
    const offset = this.#start - this.#base;
    let sum = 0;
    for (let i = from, at = first; i <= to; i++, at -= PHASES) sum += this.#buffer[i + offset] * this.#table[at < 0 ? -at : at];
    return sum;
  }
}

class PassThrough implements Resampler {
  push(input: Float32Array): Float32Array {
    return input.slice();
  }
  flush(): Float32Array {
    return new Float32Array(0);
  }
}

export function createResampler(inRate: number, outRate: number): Resampler {
  return inRate === outRate ? new PassThrough() : new SincResampler(inRate, outRate);
}
