/** What a job counts its work in: bytes (downloads, hashes) or seconds of media (reading, transcribing, video). */
export type ProgressUnit = 'bytes' | 'seconds';

/** How far a job is: `done` of `total` (0 while unknown). */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly unit: ProgressUnit;
}
