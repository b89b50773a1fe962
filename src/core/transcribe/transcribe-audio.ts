import type { Segment } from '../subtitles/segment.ts';
import { findLoop, trimLoop } from './repetition.ts';
import { isSilent } from './silence.ts';
import { SAMPLE_RATE, settleWindow, windowAt, type RawChunk } from './windows.ts';

/**
 * Decodes one window (≤ 30 s of 16 kHz mono). `strict` asks for decoding that resists loops
 * (e.g. no repeated n-grams); it is used to retry a window that looped.
 */
export type WindowDecoder = (samples: Float32Array, strict: boolean) => Promise<readonly RawChunk[]>;

export interface TranscribeStep {
  readonly segments: readonly Segment[];
  readonly doneSeconds: number;
  readonly totalSeconds: number;
}

const loops = (chunks: readonly RawChunk[]): boolean => findLoop(chunks.map((c) => c.text).join(' ')) !== null;

/** A window's chunks, retried strictly if they loop, and trimmed if they still do. */
async function decodeGuarded(samples: Float32Array, decode: WindowDecoder): Promise<readonly RawChunk[]> {
  if (isSilent(samples)) return [];
  const first = await decode(samples, false);
  if (!loops(first)) return first;
  const retry = await decode(samples, true);
  return retry.map((c) => ({ ...c, text: trimLoop(c.text) })).filter((c, i, all) => i === 0 || c.text.trim() !== all[i - 1].text.trim());
}

/**
 * Transcribe audio window by window, yielding each window's segments as soon as it is decoded,
 * with how far into the audio the work has come.
 */
export async function* transcribeAudio(audio: Float32Array, decode: WindowDecoder): AsyncGenerator<TranscribeStep> {
  const duration = audio.length / SAMPLE_RATE;
  let seek = 0;
  while (seek < duration - 0.1) {
    const span = windowAt(seek, duration);
    const samples = audio.subarray(Math.round(span.start * SAMPLE_RATE), Math.round(span.end * SAMPLE_RATE));
    const { segments, nextSeek } = settleWindow(span, await decodeGuarded(samples, decode), duration);
    seek = nextSeek;
    yield Object.freeze({ segments: Object.freeze(segments), doneSeconds: seek, totalSeconds: duration });
  }
}
