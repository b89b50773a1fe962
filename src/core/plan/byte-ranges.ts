const MiB = 1024 * 1024;

/** Bytes [start, end) of a file that one request fetches. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** Smallest range worth a request of its own: below this, a request's round trip costs more than it gains. */
const MIN_RANGE = 2 * MiB;
/** Largest range: a cut connection costs at most this much, and a 3 GB model still fills the pool. */
const MAX_RANGE = 64 * MiB;
/** Ranges per connection the pool may open: enough to keep each one busy while others finish. */
const RANGES_PER_CONNECTION = 2;

/**
 * How long each range of a model's files is: sized so the whole model makes about two ranges per
 * connection the pool allows (a 40 MB model uses every connection, in ranges of a few MiB), within
 * 2–64 MiB, whole MiB each.
 */
export function rangeBytesFor(totalBytes: number, connections: number): number {
  const share = Math.ceil(totalBytes / (Math.max(1, connections) * RANGES_PER_CONNECTION) / MiB) * MiB;
  return Math.min(MAX_RANGE, Math.max(MIN_RANGE, share));
}

/**
 * How records written before ranges were sized by the connection budget split a file: whole up to
 * 8 MiB, else about eight ranges of 16–64 MiB. Kept so a download interrupted then resumes.
 */
export function legacyRangeBytes(size: number): number {
  if (size <= 8 * MiB) return Math.max(1, size);
  return Math.min(MAX_RANGE, Math.max(16 * MiB, Math.ceil(size / 8 / MiB) * MiB));
}

/** A file as ranges of `rangeBytes` that tile it (the last one shorter); an empty file is one empty range. */
export function planRanges(size: number, rangeBytes: number): readonly ByteRange[] {
  const ranges: ByteRange[] = [];
  for (let start = 0; start < size; start += rangeBytes) ranges.push(Object.freeze({ start, end: Math.min(size, start + rangeBytes) }));
  return Object.freeze(ranges.length > 0 ? ranges : [Object.freeze({ start: 0, end: 0 })]);
}

/** Bytes of each range on disk, counted from its start (what the pending record keeps). */
export type RangesWritten = readonly number[];

/** The bytes on disk from the file's start without a gap: what can be hashed in order. */
export function contiguousPrefix(ranges: readonly ByteRange[], written: RangesWritten): number {
  let prefix = 0;
  for (const [i, range] of ranges.entries()) {
    prefix = range.start + written[i];
    if (prefix < range.end) break;
  }
  return prefix;
}

/**
 * What a pending record says was written, checked against the file on disk: a record can be no
 * newer than its last flush, but never claim bytes past the end of the file. Without a record the
 * file is contiguous from its start (one range, or a whole-file stream), so its size is its progress.
 */
export function trustedWritten(ranges: readonly ByteRange[], recorded: RangesWritten | undefined, diskSize: number): RangesWritten {
  return Object.freeze(
    ranges.map((range, i) => {
      const claimed = recorded?.[i] ?? (recorded ? 0 : diskSize - range.start);
      return Math.max(0, Math.min(claimed, range.end - range.start, diskSize - range.start));
    }),
  );
}
