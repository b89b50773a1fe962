/**
 * Mono from planar channels. Stereo (and layouts we have no weights for) is the mean of the
 * channels, so a stereo file with one silent side keeps its level halved, not lost. 5.1 and 7.1
 * follow ITU-R BS.775: fronts and centre at full weight, surrounds at 1/√2, LFE dropped — films
 * put dialogue in the centre, and a plain mean would bring it to 1/6 or 1/8 of its level.
 * Channels are in WAVE/SMPTE order (L R C LFE, then the surrounds), as WebCodecs decoders give them.
 */
const SURROUND = Math.SQRT1_2;
const WEIGHTS: Readonly<Record<number, readonly number[]>> = {
  6: [1, 1, 1, 0, SURROUND, SURROUND],
  8: [1, 1, 1, 0, SURROUND, SURROUND, SURROUND, SURROUND],
};

/** The weight of each channel in the mix down to mono. */
export function downmixWeights(channels: number): readonly number[] {
  return WEIGHTS[channels] ?? Array.from({ length: channels }, () => 1 / channels);
}

/** Planar channels mixed to mono, written into `out` when given (a buffer reused from call to call). */
export function downmix(planes: readonly Float32Array[], out = new Float32Array(planes[0].length)): Float32Array {
  const n = planes[0].length;
  if (planes.length === 1) {
    out.set(planes[0]);
    return out.subarray(0, n);
  }
  const weights = downmixWeights(planes.length);
  out.fill(0, 0, n);
  planes.forEach((plane, c) => {
    const w = weights[c];
    if (w !== 0) for (let i = 0; i < n; i++) out[i] += w * plane[i];
  });
  return out.subarray(0, n);
}
