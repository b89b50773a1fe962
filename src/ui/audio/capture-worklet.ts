import { createResampler, type Resampler } from '../../core/media/resampler.ts';
import type { PcmMessage } from '../../core/media/media-protocol.ts';
import { downmix } from '../../core/media/downmix.ts';

// The AudioWorkletGlobalScope's names (not in TypeScript's DOM or worker libraries).
declare const sampleRate: number;
declare function registerProcessor(name: string, processor: new (options: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

/** Captured audio goes out about ten times a second: soon enough for live captions, few messages. */
const SEND_SAMPLES = 1600;

/** Page → this processor: the port to send 16 kHz samples on, then stop (flush, then `end`). */
export type CaptureControl = { readonly type: 'port'; readonly port: MessagePort } | { readonly type: 'stop' };

/**
 * Captured audio, mixed to mono and resampled to 16 kHz on the audio thread, sent on a port to the
 * transcription worker as the media reader sends a file's (`PcmMessage`): the page never sees it.
 */
class PcmCapture extends AudioWorkletProcessor {
  #out: MessagePort | null = null;
  readonly #resampler: Resampler = createResampler(sampleRate, 16_000);
  readonly #buffer = new Float32Array(SEND_SAMPLES * 4);
  #length = 0;
  #stopped = false;

  constructor() {
    super();
    this.port.onmessage = ({ data }: MessageEvent<CaptureControl>) => (data.type === 'port' ? (this.#out = data.port) : this.#stop());
  }

  process(inputs: Float32Array[][]): boolean {
    const planes = inputs[0];
    if (this.#stopped) return false;
    // Time starts when the port is here: nothing is captured that could not be sent.
    if (this.#out && planes && planes.length > 0) this.#add(this.#resampler.push(downmix(planes)));
    return true;
  }

  #add(samples: Float32Array): void {
    if (this.#length + samples.length > this.#buffer.length) this.#send();
    this.#buffer.set(samples, this.#length);
    this.#length += samples.length;
    if (this.#length >= SEND_SAMPLES) this.#send();
  }

  #send(): void {
    if (this.#length === 0 || !this.#out) return;
    const samples = this.#buffer.slice(0, this.#length);
    this.#length = 0;
    this.#out.postMessage(Object.freeze<PcmMessage>({ type: 'pcm', samples }), [samples.buffer]);
  }

  #stop(): void {
    this.#stopped = true;
    if (this.#out) this.#add(this.#resampler.flush());
    this.#send();
    this.#out?.postMessage(Object.freeze<PcmMessage>({ type: 'end' }));
  }
}

registerProcessor('pcm-capture', PcmCapture);
