import { StudioError } from '../../core/errors.ts';
import { PcmBuffer } from '../../core/media/pcm-buffer.ts';
import type { PcmAck, PcmMessage } from '../../core/media/media-protocol.ts';
import { PeakBuilder } from '../../core/media/peaks.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/**
 * The samples the media reader streams in, as far as they are still needed. Dropping what no
 * window needs tells the reader it may read further.
 */
export class AudioStream {
  readonly buffer = new PcmBuffer();
  /** The waveform, built from the samples as they come (the page never decodes the file for it). */
  readonly peaks = new PeakBuilder(SAMPLE_RATE);
  readonly #port: MessagePort;
  #ended = false;
  #failure: StudioError | null = null;
  #wake: (() => void) | null = null;

  constructor(port: MessagePort) {
    this.#port = port;
    port.onmessage = (event: MessageEvent<PcmMessage>) => this.#receive(event.data);
  }

  /** Everything was read (or reading failed: what came before it is all there is). */
  get ended(): boolean {
    return this.#ended;
  }

  get seconds(): number {
    return this.buffer.end / SAMPLE_RATE;
  }

  /** Resolves when more samples came or the stream ended. */
  async more(): Promise<void> {
    if (!this.#ended) await new Promise<void>((resolve) => (this.#wake = resolve));
  }

  /** The reader's failure, if reading stopped early. */
  get failure(): StudioError | null {
    return this.#failure;
  }

  keepFrom(seconds: number): void {
    this.buffer.dropBefore(Math.floor(seconds * SAMPLE_RATE));
    this.#port.postMessage(Object.freeze<PcmAck>({ type: 'keep-from', seconds }));
  }

  #receive(message: PcmMessage): void {
    if (message.type === 'pcm') {
      this.peaks.add(message.samples);
      this.buffer.append(message.samples);
    } else if (message.type === 'failed') [this.#failure, this.#ended] = [new StudioError(message.error), true];
    else this.#ended = true;
    if (this.#ended) this.peaks.end();
    this.#wake?.();
    this.#wake = null;
  }
}
