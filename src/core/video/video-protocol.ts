import type { CancelRequest, JobReply } from '../job/job-protocol.ts';
import type { CaptionStyle } from '../subtitles/caption-style.ts';
import type { Cue } from '../subtitles/cue.ts';
import type { VideoJobKind, VideoResult } from './video-result.ts';

/**
 * Page → video worker: one job per worker. `target`: a file the person picked to write into, or null
 * (the worker writes into OPFS `exports/`, and the page offers that file as a download).
 * `cancel` stops it at its next frame and removes its output.
 */
export type VideoRequest =
  | {
      readonly type: 'export';
      readonly jobId: string;
      readonly kind: VideoJobKind;
      readonly file: Blob;
      readonly name: string;
      readonly cues: readonly Cue[];
      readonly style: CaptionStyle;
      readonly target: FileSystemFileHandle | null;
      /** Re-encode the sound even where its packets could be copied (the bench's baseline). */
      readonly reencodeAudio?: boolean;
    }
  | CancelRequest;

/** Progress in seconds of the media made. */
export type VideoReply = JobReply<VideoResult>;
