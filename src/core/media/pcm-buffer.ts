import type { SampleSource } from './samples.ts';

/**
 * The part of a long recording still needed, by absolute sample index: samples are appended as
 * they are read and dropped once no window can need them, so memory follows what is held, not
 * the length of the recording.
 */
export class PcmBuffer implements SampleSource {
  #data = new Float32Array(0);
  /** Absolute index of `#data[0]`. */
  #base = 0;
  #length = 0;

  /** The absolute index after the last sample appended. */
  get end(): number {
    return this.#base + this.#length;
  }

  /** The first absolute index still held. */
  get start(): number {
    return this.#base;
  }

  append(samples: Float32Array): void {
    if (this.#length + samples.length > this.#data.length) this.#grow(this.#length + samples.length);
    this.#data.set(samples, this.#length);
    this.#length += samples.length;
  }

  /** Samples [start, end): zeros for any part not held (dropped, or not read yet). */
  subarray(start: number, end: number): Float32Array {
    const out = new Float32Array(Math.max(0, end - start));
    const from = Math.max(start, this.#base);
    const to = Math.min(end, this.end);
    if (to > from) out.set(this.#data.subarray(from - this.#base, to - this.#base), from - start);
    return out;
  }

  /** Forget every sample before absolute index `index`. */
  dropBefore(index: number): void {
    const drop = Math.min(this.#length, Math.max(0, index - this.#base));
    if (drop === 0) return;
    this.#data.copyWithin(0, drop, this.#length);
    this.#base += drop;
    this.#length -= drop;
  }

  #grow(needed: number): void {
    const data = new Float32Array(Math.max(needed, this.#data.length * 2, 1 << 16));
    data.set(this.#data.subarray(0, this.#length));
    this.#data = data;
  }
}
