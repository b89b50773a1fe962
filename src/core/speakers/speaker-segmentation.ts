/**
 * A speaker segmentation model as pyannote's segmentation-3.0 is exported to ONNX: 10 s of 16 kHz
 * samples in (`input_values` [batch, 1, samples]), per frame a score for each of 7 classes out
 * (`logits` [batch, frames, 7]): nobody, speaker 1, 2, 3, and the pairs 1+2, 1+3, 2+3 — "powerset"
 * classes of up to three speakers local to the chunk.
 */
export const SEGMENTATION = Object.freeze({ input: 'input_values', output: 'logits', chunkSeconds: 10, stepSeconds: 5, classes: 7 });

/** The local speakers each powerset class says are speaking (bit 0: speaker 1). */
const POWERSET = [0b000, 0b001, 0b010, 0b100, 0b011, 0b101, 0b110];

/** A stretch one local speaker says alone, in media seconds. */
export interface LocalRun {
  readonly start: number;
  readonly end: number;
  /** 1, 2 or 3: the chunk's own numbering, meaningless in the next chunk. */
  readonly local: number;
}

/** Per frame, the bits of the local speakers the most likely class says speak. */
export function framesSpeaking(logits: Float32Array, frames: number, classes = SEGMENTATION.classes): Uint8Array {
  const out = new Uint8Array(frames);
  for (let f = 0; f < frames; f++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[f * classes + c] > logits[f * classes + best]) best = c;
    out[f] = POWERSET[best] ?? 0;
  }
  return out;
}

/**
 * A chunk's runs of one speaker alone (overlapped speech is left out: no voice print can be taken
 * of it) inside [from, to) media seconds — the part of the chunk nearer its middle than any other
 * chunk's, so each moment is read once.
 */
export function localRuns(speaking: Uint8Array, chunkStart: number, frameSeconds: number, from: number, to: number): LocalRun[] {
  const runs: LocalRun[] = [];
  let open: { start: number; local: number } | null = null;
  const close = (end: number): void => {
    if (open && end > open.start) runs.push(Object.freeze({ start: open.start, end, local: open.local }));
    open = null;
  };
  for (let f = 0; f <= speaking.length; f++) {
    const time = chunkStart + f * frameSeconds;
    const bits = f < speaking.length && time >= from && time < to ? speaking[f] : 0;
    const local = bits === 1 ? 1 : bits === 2 ? 2 : bits === 4 ? 3 : 0;
    if (open && open.local === local) continue;
    close(Math.min(time, to));
    if (local > 0) open = { start: time, local };
  }
  return runs;
}

/**
 * The part of a chunk starting at `at` that is read from it: from half-way into its overlap with the
 * chunk before to half-way into its overlap with the next, so each moment is read once.
 */
export function chunkPart(at: number, first: boolean, last: boolean): [number, number] {
  const { chunkSeconds, stepSeconds } = SEGMENTATION;
  const half = (chunkSeconds - stepSeconds) / 2;
  return [first ? 0 : at + half, last ? Infinity : at + stepSeconds + half];
}
