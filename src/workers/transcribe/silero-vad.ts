import type { InferenceSession } from 'onnxruntime-web/webgpu';
import type { TensorClass } from './whisper-sessions.ts';

/** Silero VAD v5 at 16 kHz: 512 new samples per call, after the last 64 of the previous call. */
export const VAD_FRAME = 512;
const CONTEXT = 64;

/**
 * The probability of speech in every 32 ms frame of 16 kHz audio, from Silero VAD v5 carrying
 * its recurrent state from frame to frame.
 */
export async function speechProbabilities(session: InferenceSession, Tensor: TensorClass, audio: Float32Array): Promise<Float32Array> {
  const frames = Math.ceil(audio.length / VAD_FRAME);
  const probs = new Float32Array(frames);
  const input = new Float32Array(CONTEXT + VAD_FRAME);
  const sr = new Tensor('int64', BigInt64Array.of(16000n), []);
  let state: InstanceType<TensorClass> = new Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  for (let f = 0; f < frames; f++) {
    input.copyWithin(0, VAD_FRAME);
    input.fill(0, CONTEXT);
    input.set(audio.subarray(f * VAD_FRAME, (f + 1) * VAD_FRAME), CONTEXT);
    const out = await session.run({ input: new Tensor('float32', input.slice(), [1, CONTEXT + VAD_FRAME]), state, sr });
    probs[f] = (out.output.data as Float32Array)[0];
    state = out.stateN;
  }
  return probs;
}
