import { legacyRangeBytes } from '../plan/byte-ranges.ts';
import type { PendingDownload } from './records.ts';

/** How a download's files are split into ranges, and how far each range got: what a resume needs. */
export interface RangeLayout {
  /** The range length for a file of this size. */
  readonly rangeBytes: (size: number) => number;
  /** Bytes of each range on disk, for files fetched as several ranges. */
  readonly ranges: Readonly<Record<string, readonly number[]>>;
  /** What the pending record stores (undefined: a record from before, split the old way). */
  readonly recordedBytes: number | undefined;
}

/** The layout a pending record was written with, or `fresh` bytes a range for a new download. */
export function rangeLayout(pending: PendingDownload | null, fresh: number): RangeLayout {
  if (!pending) return Object.freeze({ rangeBytes: () => fresh, ranges: Object.freeze({}), recordedBytes: fresh });
  const recordedBytes = pending.rangeBytes;
  const ranges = pending.ranges ?? pending.segments ?? {};
  return Object.freeze({ rangeBytes: recordedBytes === undefined ? legacyRangeBytes : () => recordedBytes, ranges, recordedBytes });
}
