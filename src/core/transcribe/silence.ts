/** Root mean square of samples in [-1, 1]. */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

/**
 * A window quieter than about -50 dBFS throughout is silence: Whisper tends to invent
 * text ("Thank you.") for it, so it is skipped instead of decoded.
 */
export function isSilent(samples: Float32Array, threshold = 0.003): boolean {
  return rms(samples) < threshold;
}
