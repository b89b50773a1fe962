import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { Tensor } from 'onnxruntime-web';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowFeatures, type WhisperFeatureExtractor as Extractor } from './window-features.ts';

const CONFIG = join(import.meta.dirname, '../../../../shared/fixtures/models/Xenova/whisper-tiny/preprocessor_config.json');
const extractor = new WhisperFeatureExtractor(JSON.parse(readFileSync(CONFIG, 'utf8')));

/** A tone that swells and fades, with a little noise: every mel band and the max − 8 floor matter. */
function audio(seconds: number): Float32Array {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.01;
  return Float32Array.from({ length: Math.round(seconds * 16_000) }, (_, i) => 0.3 * Math.sin(i / 7) * Math.sin(i / 3000) + noise());
}

describe('windowFeatures', () => {
  for (const seconds of [0.02, 1, 4.37, 12, 29.9, 29.99]) {
    it(`equals the extractor's 30 s features for ${seconds} s of audio`, async () => {
      const samples = audio(seconds);
      const full = (await extractor(samples)).input_features;
      const short = await windowFeatures(extractor as unknown as Extractor, samples, Tensor);
      if (seconds > 29.95) return expect(short).toBeNull();
      expect(short!.dims).toEqual(full.dims);
      const [a, b] = [short!.data as Float32Array, full.data as Float32Array];
      // Equal but for float32 rounding (one unit in the last place, seen at the very first frame).
      expect(a.reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i])), 0)).toBeLessThan(1e-6);
    });
  }

  it('analyses only the audio and a window after it', async () => {
    const lengths: number[] = [];
    const spy = { config: extractor.config, _extract_fbank_features: (w: Float32Array) => (lengths.push(w.length), (extractor as unknown as Extractor)._extract_fbank_features(w)) } as unknown as Extractor;
    await windowFeatures(spy, audio(2), Tensor);
    expect(lengths[0]).toBeLessThan(2.1 * 16_000);
  });
});
