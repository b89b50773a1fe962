import { safeBaseName } from '../format/file-names.ts';
import type { CaptionStyle } from './caption-style.ts';
import { exportSegments } from './formats.ts';
import { mimeOf, type TextFormat } from './export-formats.ts';
import type { Cue } from './cue.ts';
import type { SpeakerMark } from './speaker-marks.ts';

/** A file to save: its name, text and MIME type. */
export interface ExportedFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

/** The cues of the media `source` as a subtitle or text file, named after the media (made safe to save); ASS in `style` when given. */
export function exportFile(source: string, cues: readonly Cue[], format: TextFormat, style?: CaptionStyle, speakerMark?: SpeakerMark): ExportedFile {
  return Object.freeze({ name: `${safeBaseName(source)}.${format}`, text: exportSegments(format, cues, { style, title: source, speakerMark }), type: mimeOf(format) });
}
