/** Burn the captions into the picture (re-encoding the video), or add them as a subtitle track (no re-encoding). */
export type VideoJobKind = 'burn' | 'soft';

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
