import type { Tensor } from 'onnxruntime-web/webgpu';
import { analysedLength, padFrames } from '../../core/transcribe/padded-features.ts';
import type { TensorClass } from './whisper-sessions.ts';

/** What this file reads of transformers.js's WhisperFeatureExtractor (its typings do not expose it). */
export interface WhisperFeatureExtractor {
  readonly config: { readonly n_fft: number; readonly hop_length: number; readonly nb_max_frames: number; readonly n_samples: number };
  /** Log-mel frames [mels, frames] of the waveform as given, floored at its own max − 8. */
  _extract_fbank_features(waveform: Float32Array): Promise<{ readonly data: Float32Array; readonly dims: readonly number[] }>;
}

/**
 * Log-mel features [1, mels, 3000] of ≤ 30 s of audio, equal to the extractor's own, which pads the
 * audio to 30 s and analyses all of it: here only the audio and a window of zeros after it are
 * analysed. A live pass over a few seconds, or a short speech window, then pays for those seconds.
 */
export async function windowFeatures(extractor: WhisperFeatureExtractor, samples: Float32Array, tensorClass: TensorClass): Promise<Tensor | null> {
  const { n_fft, hop_length, nb_max_frames, n_samples } = extractor.config;
  const length = analysedLength(samples.length, n_fft, hop_length, n_samples);
  if (length === null) return null;
  const waveform = new Float32Array(length);
  waveform.set(samples);
  const { data, dims } = await extractor._extract_fbank_features(waveform);
  const [mels, frames] = dims;
  return new tensorClass('float32', padFrames(data, mels, frames, nb_max_frames), [1, mels, nb_max_frames]);
}
