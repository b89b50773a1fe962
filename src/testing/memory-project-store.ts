import type { LogEntry } from '../core/projects/project-log.ts';
import type { ProjectMeta, ProjectStore } from '../core/projects/project-store.ts';

/** Projects in memory for specs; `failWith` makes every write fail like a full disk. */
export class MemoryProjectStore implements ProjectStore {
  readonly metas = new Map<string, ProjectMeta>();
  readonly logs = new Map<string, LogEntry[]>();
  failWith: Error | null = null;

  async put(meta: ProjectMeta): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.metas.set(meta.id, meta);
  }

  async append(projectId: string, seq: number, entry: LogEntry): Promise<void> {
    if (this.failWith) throw this.failWith;
    const log = this.logs.get(projectId) ?? [];
    log[seq] = entry;
    this.logs.set(projectId, log);
  }

  async clearLog(projectId: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.logs.delete(projectId);
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
