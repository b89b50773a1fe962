import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';
import type { ProjectSaver } from './project-saver.svelte.ts';
import type { SearchHit } from './project-search.svelte.ts';
import type { Transcript } from './transcript.svelte.ts';

/** Every transcription kept on this device, newest first: open, rename, delete. */
export class Projects {
  list = $state.raw<readonly ProjectMeta[]>([]);
  readonly #store: ProjectStore;
  readonly #saver: ProjectSaver;
  readonly #transcript: Transcript;

  constructor(store: ProjectStore, saver: ProjectSaver, transcript: Transcript) {
    [this.#store, this.#saver, this.#transcript] = [store, saver, transcript];
  }

  /** Which project the studio shows. */
  get openId(): string | null {
    return this.#saver.openId;
  }

  async refresh(): Promise<void> {
    await this.#saver.settled();
    this.list = Object.freeze([...(await this.#store.list())].sort((a, b) => b.updatedAt - a.updatedAt));
  }

  async open(id: string): Promise<void> {
    await this.#transcript.open(id);
    await this.refresh();
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
  }

  /** Delete a project and its log; the open one leaves the studio empty. */
  async remove(id: string): Promise<void> {
    if (id === this.#saver.openId) this.#transcript.close();
    await this.#store.remove(id);
    await this.refresh();
  }
}
