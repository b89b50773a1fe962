import { safeBaseName } from '../../core/format/file-names.ts';
import type { CaptionStyle } from '../../core/subtitles/caption-style.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import { exportFile } from '../../core/subtitles/export-file.ts';
import { isTextFormat, mimeOf, type ExportFormat } from '../../core/subtitles/export-formats.ts';
import { docxTranscript } from './docx-transcript.ts';
import type { SpeakerMark } from '../../core/subtitles/speaker-marks.ts';

/** The transcript of the media `source` as a file in any export format, named after the media. */
export async function exportTranscript(format: ExportFormat, source: string, cues: readonly Cue[], style: CaptionStyle, speakerMark?: SpeakerMark): Promise<{ name: string; blob: Blob }> {
  if (isTextFormat(format)) {
    const file = exportFile(source, cues, format, style, speakerMark);
    return { name: file.name, blob: new Blob([file.text], { type: file.type }) };
  }
  const blob = await docxTranscript(source, cues);
  return { name: `${safeBaseName(source)}.${format}`, blob: new Blob([blob], { type: mimeOf(format) }) };
}
