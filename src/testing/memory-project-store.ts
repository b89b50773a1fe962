import type { LogEntry } from '../core/projects/project-log.ts';
import { LogConflictError, ProjectGoneError, type ProjectMeta, type ProjectStore } from '../core/projects/project-store.ts';

/** Projects in memory for specs, with the IndexedDB store's checks; `failWith` makes every write fail like a full disk. */
export class MemoryProjectStore implements ProjectStore {
  readonly metas = new Map<string, ProjectMeta>();
  readonly logs = new Map<string, LogEntry[]>();
  failWith: Error | null = null;

  async create(meta: ProjectMeta, entries: readonly LogEntry[] = []): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (this.metas.has(meta.id)) throw new Error(`Key already exists: ${meta.id}`);
    this.metas.set(meta.id, meta);
    this.logs.set(meta.id, [...entries]);
  }

  async put(meta: ProjectMeta): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (!this.metas.has(meta.id)) throw new ProjectGoneError(meta.id);
    this.metas.set(meta.id, meta);
  }

  async append(projectId: string, seq: number, entry: LogEntry): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (!this.metas.has(projectId)) throw new ProjectGoneError(projectId);
    const log = this.logs.get(projectId) ?? [];
    if (seq !== log.length) throw new LogConflictError(projectId, seq, log.length);
    this.logs.set(projectId, [...log, entry]);
  }

  async restart(meta: ProjectMeta): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.logs.delete(meta.id);
    this.metas.set(meta.id, meta);
  }

  async load(projectId: string) {
    const meta = this.metas.get(projectId);
    return meta ? { meta, entries: [...(this.logs.get(projectId) ?? [])] } : null;
  }

  async list(): Promise<readonly ProjectMeta[]> {
    return [...this.metas.values()];
  }

  async remove(projectId: string): Promise<void> {
    this.metas.delete(projectId);
    this.logs.delete(projectId);
  }
}
