import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { LogEntry } from '../../core/projects/project-log.ts';
import { LogConflictError, ProjectGoneError, type ProjectMeta, type ProjectStore } from '../../core/projects/project-store.ts';

interface ProjectsSchema extends DBSchema {
  projects: { key: string; value: ProjectMeta };
  /** A project's log, keyed by [projectId, seq] so one project's entries read back in order. */
  log: { key: [string, number]; value: { readonly projectId: string; readonly seq: number; readonly entry: LogEntry } };
}

type WriteTx = IDBPTransaction<ProjectsSchema, ('projects' | 'log')[], 'readwrite'>;

const range = (projectId: string): IDBKeyRange => IDBKeyRange.bound([projectId, 0], [projectId, Infinity]);

/** Runs `work` in one transaction over both stores; a throw aborts it, so nothing of it is written. */
async function inTransaction(db: IDBPDatabase<ProjectsSchema>, work: (tx: WriteTx) => Promise<void>): Promise<void> {
  const tx = db.transaction(['projects', 'log'], 'readwrite');
  const done = tx.done.catch((error: unknown) => error);
  try {
    await work(tx);
  } catch (error) {
    tx.abort();
    await done;
    throw error;
  }
  const failed = await done;
  if (failed !== undefined) throw failed;
}

/** The number the project's next log entry gets, read in the writing transaction. */
async function nextSeq(tx: WriteTx, projectId: string): Promise<number> {
  const last = await tx.objectStore('log').openKeyCursor(range(projectId), 'prev');
  return last ? last.key[1] + 1 : 0;
}

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
  const exists = async (tx: WriteTx, id: string): Promise<void> => {
    if ((await tx.objectStore('projects').getKey(id)) === undefined) throw new ProjectGoneError(id);
  };
  return {
    create: async (meta, entries = []) =>
      inTransaction(await open(), async (tx) => {
        await tx.objectStore('projects').add(meta);
        for (const [seq, entry] of entries.entries()) await tx.objectStore('log').add({ projectId: meta.id, seq, entry });
      }),
    put: async (meta) =>
      inTransaction(await open(), async (tx) => {
        await exists(tx, meta.id);
        await tx.objectStore('projects').put(meta);
      }),
    append: async (projectId, seq, entry) =>
      inTransaction(await open(), async (tx) => {
        await exists(tx, projectId);
        const next = await nextSeq(tx, projectId);
        if (next !== seq) throw new LogConflictError(projectId, seq, next);
        await tx.objectStore('log').add({ projectId, seq, entry });
      }),
    restart: async (meta) =>
      inTransaction(await open(), async (tx) => {
        await tx.objectStore('log').delete(range(meta.id));
        await tx.objectStore('projects').put(meta);
      }),
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
