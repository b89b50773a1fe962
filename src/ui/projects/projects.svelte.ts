import { exportAllZip } from '../../core/projects/export-all.ts';
import { entryBytes, replayLog } from '../../core/projects/project-log.ts';
import { packProject, PROJECT_FILE_EXTENSION, unpackProject } from '../../core/projects/project-file.ts';
import { safeBaseName } from '../../core/format/file-names.ts';
import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';
import type { TextFormat } from '../../core/subtitles/export-formats.ts';
import type { ProjectSaver } from '../document/project-saver.svelte.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import type { KeptMedia, MediaVault } from '../storage/media-vault.ts';
import type { TabSignals } from '../tabs/tab-signals.ts';

export interface ProjectsDeps {
  readonly newId: () => string;
  readonly now: () => number;
  /** Where projects keep their media: deleting a project frees it. */
  readonly vault?: MediaVault;
  /** A project is about to be deleted (the queue lets it go). */
  readonly onremove?: (id: string) => void;
  /** Where tabs tell each other of deleted and changed projects. */
  readonly signals?: TabSignals;
}

/** Every transcription kept on this device, newest first: open, rename, delete. */
export class Projects {
  list = $state.raw<readonly ProjectMeta[]>([]);
  readonly #store: ProjectStore;
  readonly #saver: ProjectSaver;
  readonly #transcript: Transcript;

  readonly #deps: ProjectsDeps;
  /** Bytes on this device: the projects' logs, and the media they keep as copies. */
  bytes = $derived.by(() => ({
    projects: this.list.reduce((sum, p) => sum + (p.logBytes ?? 0), 0),
    media: [...this.kept.values()].reduce((sum, k) => sum + k.bytes, 0),
  }));
  /** How each project keeps its media, by id. */
  kept = $state.raw<ReadonlyMap<string, KeptMedia>>(new Map());

  constructor(store: ProjectStore, saver: ProjectSaver, transcript: Transcript, deps: ProjectsDeps) {
    [this.#store, this.#saver, this.#transcript, this.#deps] = [store, saver, transcript, deps];
    // Another tab's transcription saves every window: the list is read again once they pause, not each time.
    let soon: ReturnType<typeof setTimeout> | null = null;
    const refresh = (): void => {
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => void this.refresh(), 300);
    };
    for (const type of ['saved', 'deleted', 'listed'] as const) deps.signals?.on(type, refresh);
  }

  /** Other tabs refresh their lists. */
  #listed(): void {
    this.#deps.signals?.post({ type: 'listed' });
  }

  /** Which project the studio shows. */
  get openId(): string | null {
    return this.#saver.openId;
  }

  async refresh(): Promise<void> {
    await this.#saver.settled();
    const [list, kept] = await Promise.all([this.#store.list(), this.#deps.vault?.list().catch(() => null)]);
    [this.list, this.kept] = [Object.freeze([...list].sort((a, b) => b.updatedAt - a.updatedAt)), kept ?? new Map()];
  }

  async open(id: string): Promise<void> {
    await this.#transcript.open(id);
    await this.refresh();
  }

  /** The chosen projects' cues in the chosen formats, as one ZIP. */
  async exportZip(ids: readonly string[], formats: readonly TextFormat[]): Promise<Uint8Array> {
    await this.#saver.settled();
    const loaded = await Promise.all(ids.map((id) => this.#store.load(id)));
    const sources = loaded.flatMap((p) => (p ? [{ name: p.meta.name, cues: replayLog(p.entries).present }] : []));
    return exportAllZip(sources, formats);
  }

  /** Open a project (unless it is open) with the playhead at one of its cues (a search hit, a link). */
  async openCue(id: string, index: number | null): Promise<void> {
    if (id !== this.#saver.openId) await this.open(id);
    const cue = index === null ? undefined : this.#transcript.cues[index];
    if (cue && index !== null) this.#transcript.seekTo = Object.freeze({ index, start: cue.start });
  }


  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    const meta = this.list.find((p) => p.id === id);
    if (!meta || trimmed === '') return;
    if (id === this.#saver.openId && !this.#saver.readOnly) {
      this.#saver.update({ name: trimmed });
      this.#transcript.source = trimmed;
    } else {
      await this.#store.put(Object.freeze({ ...meta, name: trimmed }));
      if (id === this.#saver.openId) this.#transcript.source = trimmed;
      // The tab editing it keeps the new name in what it writes next.
      this.#deps.signals?.post({ type: 'renamed', projectId: id, name: trimmed });
    }
    await this.refresh();
    this.#listed();
  }

  /** A copy of a project, log and all (its undo history too), named "… (copy)". */
  async duplicate(id: string): Promise<void> {
    await this.#saver.settled();
    const loaded = await this.#store.load(id);
    if (!loaded) return;
    const at = this.#deps.now();
    // The media stays the original's: the copy asks for the file to play.
    const copy = Object.freeze({ ...loaded.meta, id: this.#deps.newId(), name: `${loaded.meta.name} (copy)`, createdAt: at, updatedAt: at });
    await this.#store.create(copy, loaded.entries); // one transaction: a copy is never listed half-made
    await this.refresh();
    this.#listed();
  }

  /** Delete a project, its log and its kept media; the open one leaves the studio empty. */
  async remove(id: string): Promise<void> {
    this.#deps.onremove?.(id);
    if (id === this.#saver.openId) this.#transcript.close();
    await this.#store.remove(id);
    this.#deps.signals?.post({ type: 'deleted', projectId: id });
    await this.#deps.vault?.remove(id);
    await this.refresh();
  }

  /**
   * A project as one file to back up or hand on (its cues, words, undo history and settings), with
   * its media when asked and kept here; `mediaLeftOut` when it was asked for but is not at hand.
   */
  async exportProject(id: string, withMedia: boolean): Promise<{ readonly name: string; readonly file: Blob; readonly mediaLeftOut: boolean }> {
    await this.#saver.settled();
    const loaded = await this.#store.load(id);
    if (!loaded) throw new Error('That project is no longer on this device.');
    const found = withMedia ? await this.#deps.vault?.get(id, { name: loaded.meta.name, kind: loaded.meta.kind }).catch(() => null) : null;
    const media = found?.state === 'ready' ? found.file : null;
    const file = await packProject({ meta: loaded.meta, entries: loaded.entries, media });
    return { name: `${safeBaseName(loaded.meta.name, 'project')}${PROJECT_FILE_EXTENSION}`, file, mediaLeftOut: withMedia && media === null };
  }

  /** What came of the last project file exported or imported: an error, or something to know. */
  fileMessage = $state.raw<{ readonly error: boolean; readonly text: string } | null>(null);

  /** Export a project file and offer it (`offer` saves it); what came of it is said in `fileMessage`. */
  async offerProject(id: string, withMedia: boolean, offer: (name: string, file: Blob) => void): Promise<void> {
    this.fileMessage = null;
    try {
      const { name, file, mediaLeftOut } = await this.exportProject(id, withMedia);
      offer(name, file);
      if (mediaLeftOut) this.fileMessage = { error: false, text: `${name} holds no media: it is not kept on this device (pick it in the player, or keep a copy, to include it).` };
    } catch (error) {
      this.fileMessage = { error: true, text: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Import a project file; a damaged or newer one is said in `fileMessage`, and nothing of it is kept. */
  /** The project's id once imported and open, with nothing more to say; else null (the message says why). */
  async importProjectFile(file: Blob): Promise<string | null> {
    this.fileMessage = null;
    try {
      const kept = await this.importProject(file);
      if (kept) return this.openId;
      this.fileMessage = { error: false, text: 'The project was imported, but its media could not be kept on this device (is storage full?): pick the file in the player to play it.' };
    } catch (error) {
      this.fileMessage = { error: true, text: error instanceof Error ? error.message : String(error) };
    }
    return null;
  }

  /** A project file from elsewhere becomes a new project here (never over one), opened; its media kept as a copy (false if it could not be). */
  async importProject(file: Blob): Promise<boolean> {
    const { body, media } = await unpackProject(file);
    const at = this.#deps.now();
    const logBytes = body.entries.reduce((sum, e) => sum + entryBytes(e), 0);
    const meta = Object.freeze({ ...body.meta, id: this.#deps.newId(), updatedAt: at, logBytes });
    await this.#store.create(meta, body.entries); // one transaction: all of it or nothing
    const kept = !media || !this.#deps.vault || (await this.#deps.vault.keep(meta.id, media, { copy: true }).then(() => true, () => false));
    this.#listed();
    await this.open(meta.id);
    return kept;
  }

  /** Free the bytes of a project's kept media; the project stays, and asks for the file to play. */
  async removeMedia(id: string): Promise<void> {
    await this.#deps.vault?.remove(id);
    if (id === this.#saver.openId) await this.#transcript.lookUpMedia();
    await this.refresh();
  }
}
