import type { InputAudioTrack } from 'mediabunny';
import { toErrorData, StudioError } from '../../core/errors.ts';
import { formatDuration } from '../../core/format/format-duration.ts';
import type { PcmAck, PcmMessage } from '../../core/media/media-protocol.ts';
import { mayReadOn } from '../../core/media/stream-limits.ts';
import { pcmChunks, type TimestampJump } from './pcm-chunks.ts';
import type { MediaSpan } from '../../core/media/media-span.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

export interface StreamOptions {
  readonly name: string;
  readonly onProgress: (seconds: number) => void;
  readonly onJump: (jump: TimestampJump) => void;
  /** Only this stretch of the media. */
  readonly span?: MediaSpan;
}

/** Resolves when the transcriber's `keep-from` lets reading go on. */
function backpressure(port: MessagePort): (readSeconds: number) => Promise<void> {
  let keepFrom = 0;
  let wake: (() => void) | null = null;
  port.onmessage = (event: MessageEvent<PcmAck>) => {
    keepFrom = event.data.seconds;
    wake?.();
  };
  return async (readSeconds) => {
    while (!mayReadOn(readSeconds, keepFrom)) await new Promise<void>((resolve) => (wake = resolve));
  };
}

/**
 * The track's samples to the transcriber through `port`, transferred a chunk at a time, pausing
 * while it is far behind. A read that fails part way says where, and what was sent stays usable.
 */
export async function streamPcm(track: InputAudioTrack, port: MessagePort, options: StreamOptions): Promise<number> {
  const send = (message: PcmMessage, transfer: Transferable[] = []): void => port.postMessage(Object.freeze(message), transfer);
  const mayRead = backpressure(port);
  let samples = 0;
  try {
    for await (const chunk of pcmChunks(track, options.onJump, options.span)) {
      samples += chunk.length; // before the transfer empties it
      send({ type: 'pcm', samples: chunk }, [chunk.buffer]);
      options.onProgress(samples / SAMPLE_RATE);
      await mayRead(samples / SAMPLE_RATE);
    }
    send({ type: 'end' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failure = new StudioError({
      code: 'invalid-input',
      message: `${options.name} could not be read after ${formatDuration(samples / SAMPLE_RATE)} (${reason}); it may be damaged. The cues before that point are kept.`,
    });
    send({ type: 'failed', error: toErrorData(failure) });
  }
  return samples / SAMPLE_RATE;
}
