import { safeBaseName } from '../format/file-names.ts';
import type { CaptionStyle } from './caption-style.ts';
import { exportSegments, type ExportFormat } from './formats.ts';
import type { Cue } from './cue.ts';

const TYPES: Record<ExportFormat, string> = { srt: 'application/x-subrip', vtt: 'text/vtt', ass: 'text/x-ssa', txt: 'text/plain', json: 'application/json' };

/** A file to save: its name, text and MIME type. */
export interface ExportedFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

/** The cues of the media `source` as a subtitle or text file, named after the media (made safe to save); ASS in `style` when given. */
export function exportFile(source: string, cues: readonly Cue[], format: ExportFormat, style?: CaptionStyle): ExportedFile {
  return Object.freeze({ name: `${safeBaseName(source)}.${format}`, text: exportSegments(format, cues, { style, title: source }), type: TYPES[format] });
}
