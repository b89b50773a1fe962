import type { MediaSpan } from '../../core/media/media-span.ts';
import { pcmMessages } from '../../core/media/pcm-messages.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';
import { MediaReading, type ReaderOwner, type ReadingEvents } from './media-reading.ts';

/** A file's audio for a worker: streamed by a reader while it is read, or decoded whole first. */
export type OpenedMedia = { readonly seconds: number; readonly reading: MediaReading } | { readonly seconds: number; readonly audio: Float32Array };

export interface MediaSourceDeps {
  /** The media reader worker's owner; without one, every file is decoded whole by `decode`. */
  readonly readers?: ReaderOwner;
  /** The browser's whole-file decoding: for what the reader cannot stream. */
  readonly decode: (file: Blob & { name?: string }) => Promise<Float32Array>;
}

/**
 * Streamed by a reader worker when it can read the file, else decoded whole in the page. `reading`
 * hears of the reader while it works (to stop it); `stopped` says the caller gave up meanwhile.
 */
export async function openMedia(file: Blob & { name?: string }, deps: MediaSourceDeps, events: ReadingEvents, reading: (r: MediaReading | null) => void, stopped: () => boolean): Promise<OpenedMedia> {
  if (deps.readers) {
    const reader = new MediaReading(deps.readers, events);
    reading(reader);
    const seconds = await reader.open(file);
    if (stopped()) throw new Error('cancelled while opening');
    if (seconds !== null) return { seconds, reading: reader };
    reader.stop();
    reading(null);
  }
  const audio = await deps.decode(file);
  return { seconds: audio.length / SAMPLE_RATE, audio };
}

/** One way in for all audio: a port, fed by the reader as it reads (from `span`), or here with what the browser decoded whole. */
export function samplesPort(opened: OpenedMedia, seconds: number, span?: MediaSpan): [{ readonly port: MessagePort; readonly seconds: number }, Transferable[]] {
  const channel = new MessageChannel();
  if ('audio' in opened) {
    const audio = span ? opened.audio.slice(Math.round(span.from * SAMPLE_RATE), Math.round(span.to * SAMPLE_RATE)) : opened.audio;
    for (const message of pcmMessages(audio)) channel.port1.postMessage(message, message.type === 'pcm' ? [message.samples.buffer] : []);
  } else opened.reading.start(channel.port1, span);
  return [Object.freeze({ port: channel.port2, seconds }), [channel.port2]];
}
