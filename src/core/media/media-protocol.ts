import type { ErrorData } from '../errors.ts';
import type { JobReply } from '../job/job-protocol.ts';
import type { MediaSpan } from './media-span.ts';

/**
 * The media reader worker turns an audio or video file into 16 kHz mono samples, a piece at a time;
 * one file per worker (terminated to cancel). `open`: can it be read piece by piece, and how long is
 * it. `read`: stream its samples to the transcription worker through `port` (`span`: only this
 * stretch, its samples from 0 — a re-transcription).
 */
export type ReaderRequest =
  | { readonly type: 'open'; readonly jobId: string; readonly file: Blob & { readonly name?: string } }
  | { readonly type: 'read'; readonly jobId: string; readonly port: MessagePort; readonly span?: MediaSpan };

/**
 * `open` ends with the media's length, or `seconds: null` when the container cannot be read piece
 * by piece (the browser decodes the file whole instead); nothing to transcribe (no audio track, no
 * decoder for its codec) fails it, saying why and what to do. `read` ends with the seconds read.
 */
export interface ReaderResult {
  readonly seconds: number | null;
}

/** While reading: the track's timestamps jump by `seconds` at `at` (transcript time): left out, not filled. */
export interface ReaderUpdate {
  readonly type: 'jump';
  readonly at: number;
  readonly seconds: number;
}

/** Progress in seconds of media read. */
export type ReaderReply = JobReply<ReaderResult, ReaderUpdate>;

/** Reader (or the page) → transcription worker, on the port: the samples, as a stream. */
export type PcmMessage =
  | { readonly type: 'pcm'; readonly samples: Float32Array }
  | { readonly type: 'end' }
  | { readonly type: 'failed'; readonly error: ErrorData };

/** Transcription worker → reader, on the port: samples before this second are no longer needed. */
export type PcmAck = { readonly type: 'keep-from'; readonly seconds: number };
