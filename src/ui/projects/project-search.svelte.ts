import MiniSearch from 'minisearch';
import { replayLog } from '../../core/projects/project-log.ts';
import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';

/** A cue that matches a search: its project, where it is, and its text for context. */
export interface SearchHit {
  readonly projectId: string;
  readonly projectName: string;
  readonly index: number;
  readonly start: number;
  readonly text: string;
}

interface CueDoc extends SearchHit {
  readonly id: string;
  /** Who says it, so "Anna budget" finds what Anna said about the budget. */
  readonly speaker: string;
}

/**
 * Full-text search over every project's cues (MiniSearch: prefix and a little fuzziness, so
 * "kenned" finds "Kennedy"). The index is built on the first search and kept up to date by
 * re-reading only the projects whose `updatedAt` moved.
 */
export class ProjectSearch {
  hits = $state.raw<readonly SearchHit[]>([]);
  readonly #store: ProjectStore;
  readonly #index = new MiniSearch<CueDoc>({ fields: ['text', 'projectName', 'speaker'], storeFields: ['projectId', 'projectName', 'index', 'start', 'text', 'speaker'] });
  /** Per project indexed: when it was last changed, and the ids of its documents. */
  readonly #indexed = new Map<string, { updatedAt: number; ids: string[] }>();
  /** Index updates run one after another: two at once would add a project's cues twice ("duplicate ID"). */
  #updating: Promise<void> = Promise.resolve();
  /** Only the latest search shows its hits: an earlier one that ends later is stale. */
  #latest = 0;

  constructor(store: ProjectStore) {
    this.#store = store;
  }

  async search(query: string, limit = 20): Promise<void> {
    const mine = ++this.#latest;
    if (query.trim() === '') {
      this.hits = [];
      return;
    }
    const update = this.#updating.then(async () => this.#update(await this.#store.list()));
    this.#updating = update.catch(() => undefined);
    await update;
    if (mine !== this.#latest) return;
    const found = this.#index.search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).slice(0, limit);
    this.hits = Object.freeze(found.map((r) => Object.freeze({ projectId: r.projectId as string, projectName: r.projectName as string, index: r.index as number, start: r.start as number, text: r.speaker ? `${r.speaker as string}: ${r.text as string}` : (r.text as string) })));
  }

  async #update(projects: readonly ProjectMeta[]): Promise<void> {
    const live = new Set(projects.map((p) => p.id));
    for (const [id, entry] of this.#indexed) if (!live.has(id)) this.#forget(id, entry.ids);
    for (const meta of projects) {
      const known = this.#indexed.get(meta.id);
      if (known?.updatedAt === meta.updatedAt) continue;
      if (known) this.#forget(meta.id, known.ids);
      await this.#add(meta);
    }
  }

  async #add(meta: ProjectMeta): Promise<void> {
    const loaded = await this.#store.load(meta.id);
    const cues = loaded ? replayLog(loaded.entries).present : [];
    const docs = cues.map((cue, index): CueDoc => ({ id: `${meta.id}#${index}`, projectId: meta.id, projectName: meta.name, index, start: cue.start, text: cue.text, speaker: cue.speaker ?? '' }));
    this.#index.addAll(docs);
    this.#indexed.set(meta.id, { updatedAt: meta.updatedAt, ids: docs.map((d) => d.id) });
  }

  #forget(projectId: string, ids: readonly string[]): void {
    this.#index.discardAll(ids);
    this.#indexed.delete(projectId);
  }
}
