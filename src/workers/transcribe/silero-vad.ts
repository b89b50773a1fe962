import type { InferenceSession } from 'onnxruntime-web/webgpu';
import type { TensorClass } from './whisper-sessions.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** Silero VAD v5 at 16 kHz: 512 new samples per call, after the last 64 of the previous call. */
export const VAD_FRAME = 512;
const CONTEXT = 64;
const INPUT = CONTEXT + VAD_FRAME;

/**
 * Silero VAD over audio that arrives a chunk at a time, one frame per call with its state carried
 * over. Only whole frames are read, but for a last partial one when the stream ends.
 */
export class SileroStream {
  readonly #session: InferenceSession;
  readonly #Tensor: TensorClass;
  readonly #input = new Float32Array(INPUT);
  readonly #sr: InstanceType<TensorClass>;
  #state: InstanceType<TensorClass>;

  constructor(session: InferenceSession, Tensor: TensorClass) {
    [this.#session, this.#Tensor] = [session, Tensor];
    this.#sr = new Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);
    this.#state = new Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  }

  /** Speech probabilities of `samples`, whose length is a whole number of frames (a last partial one is zero-padded). */
  async probabilities(samples: Float32Array): Promise<Float32Array> {
    const frames = Math.ceil(samples.length / VAD_FRAME);
    const probs = new Float32Array(frames);
    for (let f = 0; f < frames; f++) {
      this.#input.copyWithin(0, VAD_FRAME);
      this.#input.fill(0, CONTEXT);
      this.#input.set(samples.subarray(f * VAD_FRAME, (f + 1) * VAD_FRAME), CONTEXT);
      const out = await this.#session.run({ input: new this.#Tensor('float32', this.#input.slice(), [1, INPUT]), state: this.#state, sr: this.#sr });
      probs[f] = (out.output.data as Float32Array)[0];
      this.#state = out.stateN;
    }
    return probs;
  }
}
