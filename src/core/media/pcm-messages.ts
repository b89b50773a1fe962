import type { PcmMessage } from './media-protocol.ts';
import { SAMPLE_RATE } from './samples.ts';

/** Pieces of a whole recording sent at once: large enough to be few, small enough to let the worker start early. */
const PIECE_SAMPLES = 30 * SAMPLE_RATE;

/**
 * Audio decoded whole (by the browser, for files the reader cannot stream) as the messages the
 * reader would have sent: the transcriber then has one way in for all audio. Each piece is a
 * copy, so it can be transferred.
 */
export function pcmMessages(audio: Float32Array): PcmMessage[] {
  const messages: PcmMessage[] = [];
  for (let at = 0; at < audio.length; at += PIECE_SAMPLES) messages.push(Object.freeze({ type: 'pcm', samples: audio.slice(at, at + PIECE_SAMPLES) }));
  messages.push(Object.freeze({ type: 'end' }));
  return messages;
}
