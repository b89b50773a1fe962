import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogEntry } from '../../core/projects/project-log.ts';
import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';

interface ProjectsSchema extends DBSchema {
  projects: { key: string; value: ProjectMeta };
  /** A project's log, keyed by [projectId, seq] so one project's entries read back in order. */
  log: { key: [string, number]; value: { readonly projectId: string; readonly seq: number; readonly entry: LogEntry } };
}

const range = (projectId: string): IDBKeyRange => IDBKeyRange.bound([projectId, 0], [projectId, Infinity]);

/** Projects in their own IndexedDB database (the records of models stay in `whisper-studio`). */
export function idbProjectStore(name = 'whisper-studio-projects'): ProjectStore {
  let db: Promise<IDBPDatabase<ProjectsSchema>> | null = null;
  const open = (): Promise<IDBPDatabase<ProjectsSchema>> =>
    (db ??= openDB<ProjectsSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('projects', { keyPath: 'id' });
        database.createObjectStore('log', { keyPath: ['projectId', 'seq'] });
      },
    }));
  return {
    put: async (meta) => void (await (await open()).put('projects', meta)),
    append: async (projectId, seq, entry) => void (await (await open()).put('log', { projectId, seq, entry })),
    clearLog: async (projectId) => void (await (await open()).delete('log', range(projectId))),
    async load(projectId) {
      const database = await open();
      const meta = await database.get('projects', projectId);
      if (!meta) return null;
      const rows = await database.getAll('log', range(projectId));
      return { meta, entries: rows.map((r) => r.entry) };
    },
    list: async () => (await open()).getAll('projects'),
    async remove(projectId) {
      const tx = (await open()).transaction(['projects', 'log'], 'readwrite');
      await Promise.all([tx.objectStore('projects').delete(projectId), tx.objectStore('log').delete(range(projectId)), tx.done]);
    },
  };
}
