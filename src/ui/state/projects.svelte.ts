import { exportAllZip } from '../../core/projects/export-all.ts';
import { replayLog } from '../../core/projects/project-log.ts';
import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';
import type { ExportFormat } from '../../core/subtitles/formats.ts';
import type { ProjectSaver } from './project-saver.svelte.ts';
import type { SearchHit } from './project-search.svelte.ts';
import type { Transcript } from './transcript.svelte.ts';
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
    const refresh = (): void => void this.refresh();
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
  async exportZip(ids: readonly string[], formats: readonly ExportFormat[]): Promise<Uint8Array> {
    await this.#saver.settled();
    const loaded = await Promise.all(ids.map((id) => this.#store.load(id)));
    const sources = loaded.flatMap((p) => (p ? [{ name: p.meta.name, cues: replayLog(p.entries).present }] : []));
    return exportAllZip(sources, formats);
  }

  /** Open a search result's project with the player at its cue. */
  async openAt(hit: SearchHit): Promise<void> {
    if (hit.projectId !== this.#saver.openId) await this.open(hit.projectId);
    this.#transcript.seekTo = Object.freeze({ index: hit.index, start: hit.start });
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    const meta = this.list.find((p) => p.id === id);
    if (!meta || trimmed === '') return;
    if (id === this.#saver.openId) {
      this.#saver.update({ name: trimmed });
      this.#transcript.source = trimmed;
    } else await this.#store.put(Object.freeze({ ...meta, name: trimmed }));
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

  /** Free the bytes of a project's kept media; the project stays, and asks for the file to play. */
  async removeMedia(id: string): Promise<void> {
    await this.#deps.vault?.remove(id);
    if (id === this.#saver.openId) await this.#transcript.lookUpMedia();
    await this.refresh();
  }
}
