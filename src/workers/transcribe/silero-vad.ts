import type { InferenceSession } from 'onnxruntime-web/webgpu';
import { SAMPLE_RATE } from '../../core/transcribe/windows.ts';
import type { TensorClass } from './whisper-sessions.ts';

/** Silero VAD v5 at 16 kHz: 512 new samples per call, after the last 64 of the previous call. */
export const VAD_FRAME = 512;
const CONTEXT = 64;
const INPUT = CONTEXT + VAD_FRAME;
/** Long audio is read as up to 8 streams side by side (one batched call per step), each at least a minute long. */
const MAX_STREAMS = 8;
const STREAM_MIN_FRAMES = Math.round((60 * SAMPLE_RATE) / VAD_FRAME);
/** About a minute of audio between progress reports. */
const PROGRESS_STEPS = 250;

/** Each stream's next input: the last 64 samples it saw, then its next frame (zeros past its end). */
function fillInputs(input: Float32Array, audio: Float32Array, streams: number, perStream: number, step: number, frames: number): void {
  for (let s = 0; s < streams; s++) {
    const row = input.subarray(s * INPUT, (s + 1) * INPUT);
    row.copyWithin(0, VAD_FRAME);
    row.fill(0, CONTEXT);
    const f = s * perStream + step;
    if (f < frames) row.set(audio.subarray(f * VAD_FRAME, (f + 1) * VAD_FRAME), CONTEXT);
  }
}

/**
 * The probability of speech in every 32 ms frame of 16 kHz audio, from Silero VAD v5 carrying
 * its recurrent state from frame to frame. Audio over two minutes is cut into streams decoded
 * in one batch (each with its own state), which makes an hour take seconds instead of a minute.
 */
export async function speechProbabilities(
  session: InferenceSession,
  Tensor: TensorClass,
  audio: Float32Array,
  onProgress: (seconds: number) => void = () => undefined,
): Promise<Float32Array> {
  const frames = Math.ceil(audio.length / VAD_FRAME);
  const streams = Math.max(1, Math.min(MAX_STREAMS, Math.floor(frames / STREAM_MIN_FRAMES)));
  const perStream = Math.ceil(frames / streams);
  const probs = new Float32Array(frames);
  const input = new Float32Array(streams * INPUT);
  const sr = new Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);
  let state: InstanceType<TensorClass> = new Tensor('float32', new Float32Array(2 * streams * 128), [2, streams, 128]);
  for (let step = 0; step < perStream; step++) {
    fillInputs(input, audio, streams, perStream, step, frames);
    const out = await session.run({ input: new Tensor('float32', input.slice(), [streams, INPUT]), state, sr });
    const p = out.output.data as Float32Array;
    for (let s = 0; s < streams; s++) if (s * perStream + step < frames) probs[s * perStream + step] = p[s];
    state = out.stateN;
    if (step % PROGRESS_STEPS === PROGRESS_STEPS - 1) onProgress(((step + 1) * streams * VAD_FRAME) / SAMPLE_RATE);
  }
  return probs;
}

/**
 * Silero VAD over a stream, one frame per call with its state carried over: what the batched
 * reader does for a whole file, for audio that arrives a chunk at a time. Only whole frames are
 * read, but for a last partial one when the stream ends.
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
