import { zipSync, strToU8 } from 'fflate';
import type { Cues } from '../subtitles/cue-edits.ts';
import { exportSegments } from '../subtitles/formats.ts';
import type { TextFormat } from '../subtitles/export-formats.ts';
import { safeBaseName, uniqueNames } from '../format/file-names.ts';

/** One project's cues and the media name its files are named after. */
export interface ExportSource {
  readonly name: string;
  readonly cues: Cues;
}

/** One ZIP with each project's cues in each format, named after its media file. */
export function exportAllZip(sources: readonly ExportSource[], formats: readonly TextFormat[]): Uint8Array {
  // Names are unique before the format is added: a project's SRT and VTT keep the same base.
  const bases = uniqueNames(sources.map((s) => safeBaseName(s.name)));
  const files: Record<string, Uint8Array> = {};
  sources.forEach((source, i) => {
    for (const format of formats) files[`${bases[i]}.${format}`] = strToU8(exportSegments(format, source.cues));
  });
  return zipSync(files, { level: 6 });
}
