import { captionCues } from './caption-cues.ts';
import { EDGE_MARGIN, type CaptionFont, type CaptionStyle } from './caption-style.ts';
import type { Cue, Word } from './cue.ts';
import { speakerColour, speakersOf } from './speaker-colours.ts';

export interface AssOptions {
  readonly style: CaptionStyle;
  /** The frame the script is laid out for (the video's size; ASS scales it to the player). */
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

/** Fonts every ASS renderer (libass, VSFilter) finds on the systems people use. */
const FONT_NAMES: Record<CaptionFont, string> = { 'sans-serif': 'Arial', serif: 'Times New Roman', monospace: 'Courier New' };
const ALIGNMENT = { bottom: 2, middle: 5, top: 8 } as const;

/** `#rrggbb` as ASS writes colours: `&H00BBGGRR` (alpha first, 00 opaque). */
export function assColour(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => hex.slice(i, i + 2).toUpperCase());
  return `&H00${b}${g}${r}`;
}

/** `H:MM:SS.cc`, centiseconds. */
export function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${Math.floor(cs / 360_000)}:${pad(Math.floor(cs / 6000) % 60)}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}`;
}

/** Text that cannot open an override block or an escape. */
const plain = (text: string): string => text.replace(/\\/g, '/').replace(/\{/g, '(').replace(/\}/g, ')');

/** A style's name: ASS fields are comma-separated, so a speaker's name loses its commas there. */
const styleName = (speaker: string): string => plain(speaker).replace(/,/g, ' ').replace(/\s+/g, ' ').trim() || 'Default';

/** The Default style, or a speaker's: the same look in the speaker's colour. */
function styleLine({ style, width, height }: AssOptions, name = 'Default', colour = style.colour): string {
  const [primary, secondary] = style.karaoke ? [style.highlight, colour] : [colour, colour];
  const backing = assColour(style.backingColour);
  const box = style.backing === 'box';
  const size = Math.round((style.sizePercent / 100) * height);
  const side = Math.round(((100 - style.maxWidthPercent) / 200) * width);
  const fields = [
    name, FONT_NAMES[style.font], size, assColour(primary), assColour(secondary), backing, backing,
    0, 0, 0, 0, 100, 100, 0, 0, box ? 3 : 1, box ? Math.max(1, Math.round(size / 6)) : Math.max(1, Math.round(size / 14)), 0,
    ALIGNMENT[style.position], side, side, Math.round(EDGE_MARGIN * height), 1,
  ];
  return `Style: ${fields.join(',')}`;
}

/** A cue's words with `\k` durations (centiseconds) that start each word at its time, lines kept. */
function karaokeText(cue: Cue, words: readonly Word[]): string {
  const perLine = cue.text.split('\n').map((line) => line.split(/\s+/).filter(Boolean).length);
  const at = (seconds: number): number => Math.round((seconds - cue.start) * 100);
  const lead = at(words[0].start);
  let text = lead > 0 ? `{\\k${lead}}` : '';
  let line = 0;
  let left = perLine[0];
  words.forEach((w, i) => {
    const next = i + 1 < words.length ? at(words[i + 1].start) : at(w.end);
    text += `{\\k${Math.max(0, next - at(w.start))}}${plain(w.text.trim())}`;
    if (i + 1 === words.length) return;
    left -= 1;
    if (left === 0 && line + 1 < perLine.length) [line, left, text] = [line + 1, perLine[line + 1], `${text}\\N`];
    else text += ' ';
  });
  return text;
}

function dialogue(cue: Cue, karaoke: boolean): string {
  const words = cue.words ?? [];
  const text = karaoke && words.length > 0 ? karaokeText(cue, words) : plain(cue.text).replace(/\n/g, '\\N');
  const [style, name] = cue.speaker ? [styleName(cue.speaker), styleName(cue.speaker)] : ['Default', ''];
  return `Dialogue: 0,${assTime(cue.start)},${assTime(cue.end)},${style},${name},0,0,0,,${text}`;
}

/** A style per speaker, in the colour the editor shows them in. */
function speakerStyles(segments: readonly Cue[], options: AssOptions): string[] {
  const speakers = speakersOf(segments);
  return speakers.map((s) => styleLine(options, styleName(s), speakerColour(speakers, s) ?? options.style.colour));
}

/** An Advanced SubStation Alpha script of the cues in the chosen style, with `\k` karaoke when asked. */
export function toAss(segments: readonly Cue[], options: AssOptions): string {
  const { width, height, title, style } = options;
  return [
    '[Script Info]', `Title: ${plain(title)}`, 'ScriptType: v4.00+', `PlayResX: ${width}`, `PlayResY: ${height}`, 'WrapStyle: 0', 'ScaledBorderAndShadow: yes', '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    styleLine(options), ...speakerStyles(segments, options), '',
    '[Events]', 'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...captionCues(segments).map((cue) => dialogue(cue, style.karaoke)), '',
  ].join('\n');
}
