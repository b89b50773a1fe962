import { clusterVoices, type SpeakerCount } from './cluster-voices.ts';
import type { SpeakerTurn } from './speaker-turns.ts';
import { voiceSegments, type VoiceSegment } from './voice-prints.ts';

/** A label that differs from both its neighbours, which agree, is a blip: one 1.5 s segment is too little to be a turn. */
function smoothed(labels: Int32Array): Int32Array {
  const out = Int32Array.from(labels);
  for (let i = 1; i + 1 < labels.length; i++) if (labels[i - 1] === labels[i + 1] && labels[i] !== labels[i - 1]) out[i] = labels[i - 1];
  return out;
}

/** Each segment's own stretch: from half-way to the segment before to half-way to the next, within its bounds. */
function ownSpans(segments: readonly VoiceSegment[]): [number, number][] {
  const centre = (s: VoiceSegment): number => (s.start + s.end) / 2;
  return segments.map((s, i) => {
    const before = segments[i - 1];
    const after = segments[i + 1];
    const start = before && before.end > s.start ? (centre(before) + centre(s)) / 2 : s.start;
    const end = after && after.start < s.end ? (centre(s) + centre(after)) / 2 : s.end;
    return [start, end];
  });
}

/** Labelled segments as turns named "Speaker 1", "Speaker 2"… in the order they first speak. */
function namedTurns(segments: readonly VoiceSegment[], labels: Int32Array): SpeakerTurn[] {
  const names = new Map<number, string>();
  const turns: { start: number; end: number; speaker: string }[] = [];
  ownSpans(segments).forEach(([start, end], i) => {
    if (!names.has(labels[i])) names.set(labels[i], `Speaker ${names.size + 1}`);
    const speaker = names.get(labels[i])!;
    const last = turns.at(-1);
    if (last && last.speaker === speaker && start - last.end < 1) last.end = end;
    else turns.push({ start, end, speaker });
  });
  return turns.map((t) => Object.freeze(t));
}

/**
 * Who speaks when, built in (no model to download): each piece of speech is cut into 1.5 s voice
 * prints as the transcription reads it (only the prints are kept: an hour holds a few thousand of
 * 38 numbers), and once the media is read the prints are clustered into speakers.
 */
export class SpeakerDetector {
  readonly #segments: VoiceSegment[] = [];

  /** A piece of speech, its samples starting at `start` seconds in the media. */
  add(samples: Float32Array, start: number): void {
    const segments = voiceSegments(samples, start);
    for (const s of segments) this.#segments.push(s);
  }

  /** The turns of the media heard so far, with `count` speakers (or as many as the voices say). */
  turns(count: SpeakerCount): SpeakerTurn[] {
    const segments = [...this.#segments].sort((a, b) => a.start - b.start);
    if (segments.length === 0) return [];
    return namedTurns(segments, smoothed(clusterVoices(segments.map((s) => s.print), count)));
  }
}
