/** Samples: 16 kHz mono Float32 audio, as Whisper hears it and as every path carries it. */
export const SAMPLE_RATE = 16_000;

/** Samples readable by range (a whole buffer, or the part of a stream still kept). */
export interface SampleSource {
  subarray(start: number, end: number): Float32Array;
}
