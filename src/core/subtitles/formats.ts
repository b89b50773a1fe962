import { toAss } from './ass-format.ts';
import { DEFAULT_CAPTION_STYLE, type CaptionStyle } from './caption-style.ts';
import { toCues, type CueLimits } from './cues.ts';
import { cue, type Cue, type Word } from './cue.ts';
import { markSpeakers, turnsOf, vttVoiceName, type SpeakerMark } from './speaker-marks.ts';
import { formatTimestamp, parseTimestamp } from './timestamp.ts';

import type { TextFormat } from './export-formats.ts';

/** ASS is laid out on a 1080p frame when the video's size is not at hand: players scale it to theirs. */
const ASS_FRAME = Object.freeze({ width: 1920, height: 1080 });

/** How SRT and TXT mark speakers, when the cues have any. */
export interface TextLook {
  readonly speakerMark?: SpeakerMark;
}

export function toSrt(segments: readonly Cue[], limits?: CueLimits, look: TextLook = {}): string {
  return toCues(markSpeakers(segments, look.speakerMark ?? 'names'), limits)
    // A blank line would end the cue early: lines are kept, empty ones dropped.
    .map((c, i) => `${i + 1}\n${formatTimestamp(c.start, ',')} --> ${formatTimestamp(c.end, ',')}\n${c.text.replace(/\n\s*\n/g, '\n')}\n`)
    .join('\n');
}

/** A cue's text as WebVTT cue text: `&`, `<` and `>` escaped (so `-->` and `<` are text, never markup), no blank line inside. */
export function vttCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\s*\n/g, '\n');
}

/** A cue's WebVTT text, in a voice span (`<v Anna>`) when it has a speaker. */
const vttText = (c: Cue): string => (c.speaker ? `<v ${vttCueText(vttVoiceName(c.speaker))}>` : '') + vttCueText(c.text);

export function toVtt(segments: readonly Cue[], limits?: CueLimits): string {
  const cues = toCues(segments, limits).map((c) => `${formatTimestamp(c.start, '.')} --> ${formatTimestamp(c.end, '.')}\n${vttText(c)}\n`);
  return ['WEBVTT\n', ...cues].join('\n');
}

/** A line per cue; with speakers, a line per turn opened by its mark. */
export function toText(segments: readonly Cue[], look: TextLook = {}): string {
  if (!segments.some((s) => s.speaker)) return segments.map((s) => s.text.trim()).filter(Boolean).join('\n') + '\n';
  const turns = turnsOf(markSpeakers(segments, look.speakerMark ?? 'names'));
  return turns.map((t) => t.cues.map((c) => c.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ')).filter(Boolean).join('\n') + '\n';
}

const spoken = (speaker: string | undefined): { speaker?: string } => (speaker ? { speaker } : {});

export function toJson(segments: readonly Cue[]): string {
  const wordOf = (s: Cue, w: Word) => ({ start: w.start, end: w.end, text: w.text.trim(), ...(w.probability === undefined ? {} : { probability: w.probability }), ...spoken(w.speaker ?? s.speaker) });
  const entry = (s: Cue) => ({ start: s.start, end: s.end, text: s.text.trim(), ...spoken(s.speaker), ...(s.words ? { words: s.words.map((w) => wordOf(s, w)) } : {}) });
  return JSON.stringify({ segments: segments.map(entry) }, null, 2) + '\n';
}

export function exportSegments(format: TextFormat, segments: readonly Cue[], look: { style?: CaptionStyle; title?: string } & TextLook = {}): string {
  switch (format) {
    case 'srt': return toSrt(segments, undefined, look);
    case 'vtt': return toVtt(segments);
    case 'ass': return toAss(segments, { ...ASS_FRAME, style: look.style ?? DEFAULT_CAPTION_STYLE, title: look.title ?? 'Transcript' });
    case 'txt': return toText(segments, look);
    case 'json': return toJson(segments);
    default: return format satisfies never;
  }
}

/** Cues of an SRT or WebVTT file (numbers, headers, settings and notes are skipped). */
export function parseCues(text: string): Cue[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks.flatMap((block) => {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0) return [];
    const [from, to] = lines[timing].split('-->').map((t) => t.trim().split(/\s+/)[0]);
    const start = parseTimestamp(from);
    const end = parseTimestamp(to);
    if (start === null || end === null) return [];
    return [cue(start, end, lines.slice(timing + 1).join('\n'))];
  });
}
