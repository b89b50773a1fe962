import type { ErrorData } from './errors.ts';
import type { CaptionStyle } from './subtitles/caption-style.ts';
import type { Cue } from './subtitles/cue.ts';

/** Burn the captions into the picture (re-encoding the video), or add them as a subtitle track (no re-encoding). */
export type VideoJobKind = 'burn' | 'soft';

/**
 * UI → video worker: one job per worker. `target`: a file the person picked to write into, or null
 * (the worker writes into OPFS `exports/`, and the page offers that file as a download).
 */
export type VideoRequest =
  | {
      readonly type: 'start';
      readonly kind: VideoJobKind;
      readonly file: Blob;
      readonly name: string;
      readonly cues: readonly Cue[];
      readonly style: CaptionStyle;
      readonly target: FileSystemFileHandle | null;
      /** Re-encode the sound even where its packets could be copied (the bench's baseline). */
      readonly reencodeAudio?: boolean;
    }
  | { readonly type: 'cancel' };

/** The OPFS folder a job writes into when no file was picked; the page offers the file from there. */
export const EXPORTS_DIR = 'exports';

export type SavedWhere = 'picked' | 'exports';

/** What went into the file. `audio`: its packets copied, re-encoded (the container would not take the codec), or no audio. */
export interface VideoResult {
  readonly name: string;
  readonly bytes: number;
  /** Where the file is: the picked file, or a path under OPFS `exports/` to offer as a download. */
  readonly saved: SavedWhere;
  readonly mimeType: string;
  readonly video: string;
  readonly audio: 'copied' | 're-encoded' | 'none';
}

/** Video worker → UI. `progress`: a fraction of the media done and the media time reached. */
export type VideoReply =
  | { readonly type: 'progress'; readonly fraction: number; readonly seconds: number }
  | { readonly type: 'done'; readonly result: VideoResult }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly error: ErrorData };
