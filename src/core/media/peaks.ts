/** Peaks per second of media: one bar per 20 ms, enough to drag a cue edge to a syllable. */
export const PEAKS_PER_SECOND = 50;

/**
 * The loudest sample of each 20 ms of 16 kHz audio as a byte (0–255), built as the samples stream
 * in: 50 bytes a second, 360 kB for two hours, so no second decode of the file is ever needed.
 */
export class PeakBuilder {
  readonly #samplesPer: number;
  #peaks = new Uint8Array(1024);
  #length = 0;
  /** Samples into the bucket being filled, and its loudest so far. */
  #filled = 0;
  #loudest = 0;
  /** Peaks handed out by `take` so far. */
  #taken = 0;

  constructor(sampleRate: number, perSecond = PEAKS_PER_SECOND) {
    this.#samplesPer = Math.max(1, Math.round(sampleRate / perSecond));
  }

  add(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) {
      const v = Math.abs(samples[i]);
      if (v > this.#loudest) this.#loudest = v;
      if (++this.#filled === this.#samplesPer) this.#close();
    }
  }

  /** The last, partial bucket counts too (the media ended). */
  end(): void {
    if (this.#filled > 0) this.#close();
  }

  /** Peaks made since the last call. */
  take(): Uint8Array {
    const out = this.#peaks.slice(this.#taken, this.#length);
    this.#taken = this.#length;
    return out;
  }

  #close(): void {
    if (this.#length === this.#peaks.length) {
      const grown = new Uint8Array(this.#peaks.length * 2);
      grown.set(this.#peaks);
      this.#peaks = grown;
    }
    this.#peaks[this.#length++] = Math.min(255, Math.round(this.#loudest * 255));
    [this.#filled, this.#loudest] = [0, 0];
  }
}

/** Peaks as the waveform draws them (0–1). */
export const peakLevels = (peaks: Uint8Array): Float32Array => Float32Array.from(peaks, (p) => p / 255);
