import { parse } from 'ass-compiler';
import { StudioError } from '../errors.ts';
import { parseCues } from './formats.ts';
import { segment, type Segment } from './segment.ts';

export type SubtitleKind = 'srt' | 'vtt' | 'ass';

/** Which subtitle format a file's text is (by its content: a renamed file still opens), or null. */
export function subtitleKind(text: string): SubtitleKind | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\[Script Info\]/i.test(head)) return 'ass';
  if (/^WEBVTT/.test(head)) return 'vtt';
  return /-->/.test(head) ? 'srt' : null;
}

/** An ASS/SSA script's dialogue lines as cues: override tags dropped, `\N` as line breaks, comments skipped. */
function assCues(text: string): Segment[] {
  return parse(text).events.dialogue.map((d) => segment(d.Start, d.End, d.Text.combined.replace(/\\[Nn]/g, '\n').replace(/\\h/g, ' ').trim()));
}

/** The cues of an SRT, WebVTT or ASS file, in time order; a file that is none of these says so. */
export function importSubtitles(name: string, text: string): Segment[] {
  const kind = subtitleKind(text);
  const cues = kind === 'ass' ? assCues(text) : kind === null ? [] : parseCues(text.replace(/^\uFEFF/, ''));
  const kept = cues.filter((c) => c.text !== '' && c.end >= c.start).sort((a, b) => a.start - b.start);
  if (kept.length > 0) return kept;
  throw new StudioError({
    code: 'invalid-input',
    message: kind === null ? `${name} is not an SRT, WebVTT or ASS subtitle file. Pick one of those to fix its cues here.` : `${name} holds no cues with times that could be read.`,
  });
}
