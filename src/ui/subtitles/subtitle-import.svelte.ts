import type { SubtitleImportResult } from '../../core/subtitles/subtitle-import-protocol.ts';
import { SUBTITLE_ENCODINGS } from '../../core/subtitles/text-encoding.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import { readSubtitleFile, type SubtitleWorker } from './read-subtitle-file.ts';

export interface SubtitleImportDeps {
  readonly transcript: Transcript;
  readonly makeWorker: () => SubtitleWorker;
}

/** How the last file was read, to say so (and to read it again in another encoding). */
export interface ImportReport {
  readonly name: string;
  readonly cues: number;
  readonly skipped: number;
  readonly encoding: string;
  readonly how: SubtitleImportResult["how"];
}

export const encodingLabel = (encoding: string): string => SUBTITLE_ENCODINGS.find(([value]) => value === encoding)?.[1] ?? encoding;

/**
 * Subtitles made elsewhere become a project to fix: read off the page's thread, their encoding
 * guessed (and said), and read again in another encoding when the characters come out wrong.
 */
export class SubtitleImport {
  error = $state<string | null>(null);
  report = $state.raw<ImportReport | null>(null);
  /** Reading: the page says so, and the file input waits. */
  busy = $state(false);
  readonly #deps: SubtitleImportDeps;
  #last = $state.raw<{ readonly file: File; readonly projectId: string | null } | null>(null);

  /** The project the report is about (the editor says it there only). */
  get reportedProject(): string | null {
    return this.#last?.projectId ?? null;
  }

  constructor(deps: SubtitleImportDeps) {
    this.#deps = deps;
  }

  /** `file`'s cues as a new project on `media` (a file to play, or only its name until it is picked); false if unreadable. */
  async import(file: File, media: File | string, options: { readonly copy: boolean; readonly encoding: string | null }): Promise<boolean> {
    const read = await this.#read(file, options.encoding);
    if (!read) return false;
    await this.#deps.transcript.importCues(media, read.cues, options);
    this.#last = { file, projectId: this.#deps.transcript.projectId };
    return true;
  }

  /** The last file again in `encoding`: its cues replace the imported ones in their project (one undo step). */
  async readAgain(encoding: string): Promise<void> {
    const last = this.#last;
    const transcript = this.#deps.transcript;
    if (!last || last.projectId !== transcript.projectId) return;
    const read = await this.#read(last.file, encoding);
    if (read) transcript.splice({ index: 0, count: transcript.cues.length }, read.cues);
  }

  async #read(file: File, encoding: string | null): Promise<SubtitleImportResult | null> {
    [this.error, this.busy] = [null, true];
    try {
      const read = await readSubtitleFile(file, { makeWorker: this.#deps.makeWorker, encoding });
      this.report = Object.freeze({ name: file.name, cues: read.cues.length, skipped: read.skipped, encoding: read.encoding, how: read.how });
      return read;
    } catch (error) {
      [this.error, this.report] = [error instanceof Error ? error.message : String(error), null];
      return null;
    } finally {
      this.busy = false;
    }
  }
}
