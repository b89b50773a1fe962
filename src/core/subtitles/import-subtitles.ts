import { StudioError } from '../errors.ts';
import { assEvents } from './ass-events.ts';
import { parseCues } from './formats.ts';
import { cue, type Cue } from './cue.ts';

export type SubtitleKind = 'srt' | 'vtt' | 'ass';

/** The most cues one project takes: a three-hour film has about 3,000; more is not a subtitle file a person edits. */
export const MAX_IMPORT_CUES = 20_000;

/** Which subtitle format a file's text is (by its content: a renamed file still opens), or null. */
export function subtitleKind(text: string): SubtitleKind | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\[Script Info\]/i.test(head)) return 'ass';
  if (/^WEBVTT/.test(head)) return 'vtt';
  return /-->/.test(head) ? 'srt' : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/**
 * A cue's text as plain text, as players show it: formatting tags (`<i>`, `<font …>`, WebVTT's
 * `<c.x>`, `<v Name>`, `<00:01.000>`) and ASS-style overrides some SRT files carry (`{\an8}`)
 * dropped, WebVTT's character references read; anything else that looks like `<` stays text.
 */
export function plainCueText(text: string, kind: 'srt' | 'vtt'): string {
  const untagged = text
    .replace(/<\/?(?:i|b|u|s|c|v|lang|ruby|rt|font)(?:[\s.][^<>\n]*)?>/gi, '')
    .replace(/<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>/g, '')
    .replace(/\{\\[^{}]*\}/g, '');
  const read = kind === 'vtt' ? untagged.replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => ENTITIES[name]) : untagged;
  return read.split('\n').map((line) => line.trim()).join('\n').trim();
}

/** The speaker a WebVTT cue's first voice span names (`<v Anna>` or `<v.loud Anna>`), if any. */
function voiceOf(text: string): string | undefined {
  const name = text.match(/^\s*<v(?:\.[^\s>]*)?\s+([^>\n]+)>/)?.[1];
  return name ? plainCueText(name, 'vtt') || undefined : undefined;
}

/** The cues of a file's text, with how many blocks had times that could not be read. */
function cuesOf(kind: SubtitleKind, text: string): { cues: Cue[]; skipped: number } {
  if (kind === 'ass') {
    const { events, skipped } = assEvents(text);
    return { cues: events.map((e) => (e.name ? cue(e.cue.start, e.cue.end, e.cue.text, undefined, e.name) : e.cue)), skipped };
  }
  const blocks = parseCues(text.replace(/^\uFEFF/, ''));
  return { cues: blocks.map((c) => cue(c.start, c.end, plainCueText(c.text, kind), undefined, kind === 'vtt' ? voiceOf(c.text) : undefined)), skipped: 0 };
}

/** Subtitles read from a file: the cues in time order, and what was left out (no text, or an end before the start). */
export interface ImportedCues {
  readonly cues: Cue[];
  readonly skipped: number;
}

/** The cues of an SRT, WebVTT or ASS file, in time order; a file that is none of these, or too big to edit, says so. */
export function importSubtitles(name: string, text: string): ImportedCues {
  const kind = subtitleKind(text);
  const { cues, skipped } = kind === null ? { cues: [], skipped: 0 } : cuesOf(kind, text);
  const kept = cues.filter((c) => c.text !== '' && c.end >= c.start).sort((a, b) => a.start - b.start);
  if (kept.length > MAX_IMPORT_CUES) {
    const count = kept.length.toLocaleString('en');
    throw new StudioError({ code: 'invalid-input', message: `${name} has ${count} cues; one project takes up to ${MAX_IMPORT_CUES.toLocaleString('en')}. Split the file into parts (Subtitle Edit's Split does it) and import each.` });
  }
  if (kept.length > 0) return Object.freeze({ cues: kept, skipped: skipped + cues.length - kept.length });
  throw new StudioError({
    code: 'invalid-input',
    message: kind === null ? `${name} is not an SRT, WebVTT or ASS subtitle file. Pick one of those to fix its cues here.` : `${name} holds no cues with times that could be read.`,
  });
}
