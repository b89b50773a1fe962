const MiB = 1024 * 1024;

/** Bytes [start, end) of a file that one request fetches. */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/** Files up to this size download whole, in one request. */
export const SEGMENT_THRESHOLD = 8 * MiB;
const MIN_SEGMENT = 16 * MiB;
const MAX_SEGMENT = 64 * MiB;

/**
 * How a file is split for parallel download: about eight segments of 16–64 MiB, whole MiB each
 * (the last one shorter), so big files keep several connections busy without tiny requests.
 */
export function planSegments(size: number): readonly Segment[] {
  if (size <= SEGMENT_THRESHOLD) return Object.freeze([Object.freeze({ start: 0, end: size })]);
  const length = Math.min(MAX_SEGMENT, Math.max(MIN_SEGMENT, Math.ceil(size / 8 / MiB) * MiB));
  const segments: Segment[] = [];
  for (let start = 0; start < size; start += length) segments.push(Object.freeze({ start, end: Math.min(size, start + length) }));
  return Object.freeze(segments);
}

/** Bytes of each segment on disk, counted from its start (what the pending record keeps). */
export type SegmentsWritten = readonly number[];

/** The bytes on disk from the file's start without a gap: what can be hashed in order. */
export function contiguousPrefix(segments: readonly Segment[], written: SegmentsWritten): number {
  let prefix = 0;
  for (const [i, segment] of segments.entries()) {
    prefix = segment.start + written[i];
    if (segment.start + written[i] < segment.end) break;
  }
  return prefix;
}

/**
 * What a pending record says was written, checked against the file on disk: a record can be no
 * newer than its last flush, but never claim bytes past the end of the file.
 */
export function trustedWritten(segments: readonly Segment[], recorded: SegmentsWritten | undefined, diskSize: number): SegmentsWritten {
  return Object.freeze(
    segments.map((segment, i) => {
      const claimed = recorded?.[i] ?? (recorded ? 0 : diskSize - segment.start); // no record: a contiguous file (whole-file engine)
      return Math.max(0, Math.min(claimed, segment.end - segment.start, diskSize - segment.start));
    }),
  );
}
