/**
 * How many samples of a window to analyse for its log-mel features: the audio, then enough zeros
 * that the last frames are windows of zeros alone, as every frame after the audio is once the
 * window is padded to 30 s. Null when that is no shorter than the 30 s itself.
 */
export function analysedLength(samples: number, nFft: number, hop: number, maxSamples: number): number | null {
  const length = Math.ceil((samples + nFft + hop) / hop) * hop;
  return length < maxSamples ? length : null;
}

/**
 * Frames [mels, frames] widened to [mels, total]: each mel's later frames take the value of its
 * last frame (a frame of silence, which after the max − 8 floor is the same for every such frame).
 */
export function padFrames(data: Float32Array, mels: number, frames: number, total: number): Float32Array {
  const out = new Float32Array(mels * total);
  for (let m = 0; m < mels; m++) {
    out.set(data.subarray(m * frames, (m + 1) * frames), m * total);
    out.fill(data[m * frames + frames - 1], m * total + frames, (m + 1) * total);
  }
  return out;
}
