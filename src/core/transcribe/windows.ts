import { segment, type Segment } from '../subtitles/segment.ts';

/** Whisper hears 30 s at a time. */
export const WINDOW_SECONDS = 30;
export const SAMPLE_RATE = 16_000;

export interface AudioWindow {
  readonly start: number;
  readonly end: number;
}

/** A timestamped piece as the ASR pipeline returns it, relative to its window; `end` may be null. */
export interface RawChunk {
  readonly start: number;
  readonly end: number | null;
  readonly text: string;
}

export function windowAt(seek: number, duration: number): AudioWindow {
  return Object.freeze({ start: seek, end: Math.min(duration, seek + WINDOW_SECONDS) });
}

/**
 * The window's segments in absolute time, and where the next window starts. As Whisper itself
 * does, a window's last segment that runs into the window edge is not trusted: the next window
 * starts at it and decodes it whole, so windows overlap without duplicated or cut words.
 * Ends are never null: an open end closes at the window's end.
 */
export function settleWindow(span: AudioWindow, chunks: readonly RawChunk[], duration: number): { segments: Segment[]; nextSeek: number } {
  const last = span.end >= duration - 0.01;
  const absolute = chunks
    .filter((c) => c.text.trim() !== '')
    .map((c) => ({ start: Math.min(span.end, span.start + c.start), end: c.end === null ? null : Math.min(span.end, span.start + c.end), text: c.text }));
  const tail = absolute.at(-1);
  const cutTail = !last && tail !== undefined && (tail.end === null || tail.end > span.end - 0.5) && tail.start > span.start + 1;
  const kept = cutTail ? absolute.slice(0, -1) : absolute;
  const segments = kept.map((c) => segment(c.start, Math.max(c.start, c.end ?? span.end), c.text.trim()));
  if (last) return { segments, nextSeek: duration };
  const nextSeek = cutTail ? tail!.start : Math.max(segments.at(-1)?.end ?? span.end, span.start + 1);
  return { segments, nextSeek: Math.min(nextSeek, span.end) };
}
