import type { ErrorData } from './errors.ts';

/**
 * The media reader worker turns an audio or video file into 16 kHz mono samples, a piece at a time.
 * UI → reader: open the file (is it something the reader can decode, and how long is it), then
 * start streaming its samples to the transcription worker through `port`.
 */
export type ReaderRequest =
  | { readonly type: 'open'; readonly file: Blob & { readonly name?: string } }
  /** `span`: only this stretch of the media, in seconds (a re-transcription); its samples start at 0. */
  | { readonly type: 'start'; readonly port: MessagePort; readonly span?: MediaSpan };

/** A stretch of media time, in seconds. */
export interface MediaSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * Reader → UI. `unsupported`: the container cannot be read piece by piece; fall back to the browser
 * decoding the whole file. `refused`: nothing to transcribe (no audio track, no decoder for its
 * codec), decided from the metadata; the message says why and what to do.
 */
export type ReaderReply =
  /** The reader holds this Web Lock while it lives. */
  | { readonly type: 'alive'; readonly lock: string }
  | { readonly type: 'opened'; readonly seconds: number }
  | { readonly type: 'unsupported'; readonly reason: string }
  | { readonly type: 'refused'; readonly message: string }
  /** The track's timestamps jump by `seconds` at `at` (transcript time): left out, not filled. */
  | { readonly type: 'jump'; readonly at: number; readonly seconds: number }
  | { readonly type: 'progress'; readonly seconds: number }
  | { readonly type: 'ended'; readonly seconds: number };

/** Reader → transcription worker, on the port. */
export type PcmMessage =
  | { readonly type: 'pcm'; readonly samples: Float32Array }
  | { readonly type: 'end' }
  | { readonly type: 'failed'; readonly error: ErrorData };

/** Transcription worker → reader, on the port: samples before this second are no longer needed. */
export type PcmAck = { readonly type: 'keep-from'; readonly seconds: number };
