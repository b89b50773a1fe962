import type { JobReply } from '../job/job-protocol.ts';
import type { Cue } from './cue.ts';

/** A subtitle file's bytes, to be read off the page's thread; `encoding` when the person chose one. */
export interface SubtitleImportRequest {
  readonly type: 'import';
  readonly jobId: string;
  readonly name: string;
  readonly bytes: ArrayBuffer;
  readonly encoding: string | null;
}

/** A subtitle file's cues, and how its text was read. */
export interface SubtitleImportResult {
  readonly cues: readonly Cue[];
  /** Blocks left out: no text, or times that could not be read. */
  readonly skipped: number;
  readonly encoding: string;
  readonly how: 'bom' | 'guessed' | 'chosen';
}

export type SubtitleImportReply = JobReply<SubtitleImportResult>;

/** A file bigger than this is no subtitle file a person edits (a three-hour film's SRT is about 200 kB). */
export const MAX_SUBTITLE_BYTES = 20 * 1024 * 1024;
/** Reading a file takes well under a second; one that takes this long is hostile or broken, and the worker is stopped. */
export const SUBTITLE_TIME_LIMIT_MS = 20_000;
