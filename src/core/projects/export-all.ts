import { zipSync, strToU8 } from 'fflate';
import type { Cues } from '../subtitles/cue-edits.ts';
import { exportSegments, type ExportFormat } from '../subtitles/formats.ts';

/** One project's cues and the media name its files are named after. */
export interface ExportSource {
  readonly name: string;
  readonly cues: Cues;
}

/** `talk.mp3` → `talk`; two projects of the same media get `talk (2)` and so on. */
function uniqueBases(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = name.replace(/\.[^.]+$/, '') || 'transcript';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** One ZIP with each project's cues in each format, named after its media file. */
export function exportAllZip(sources: readonly ExportSource[], formats: readonly ExportFormat[]): Uint8Array {
  const bases = uniqueBases(sources.map((s) => s.name));
  const files: Record<string, Uint8Array> = {};
  sources.forEach((source, i) => {
    for (const format of formats) files[`${bases[i]}.${format}`] = strToU8(exportSegments(format, source.cues));
  });
  return zipSync(files, { level: 6 });
}
