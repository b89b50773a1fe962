import { createStore, del, entries, get, set } from 'idb-keyval';
import type { InstalledManifest, PendingDownload, RecordStore } from '../../core/store/records.ts';

/** Shared by the download worker, the service worker and the transcriber: one IndexedDB store. */
const store = createStore('whisper-studio', 'records');

const manifestKey = (repo: string): string => `manifest:${repo}`;
const pendingKey = (repo: string): string => `pending:${repo}`;

async function valuesWithPrefix<T>(prefix: string): Promise<T[]> {
  return (await entries<string, T>(store)).filter(([key]) => String(key).startsWith(prefix)).map(([, value]) => value);
}

export const idbRecords: RecordStore = {
  getManifest: async (repo) => (await get<InstalledManifest>(manifestKey(repo), store)) ?? null,
  putManifest: (manifest) => set(manifestKey(manifest.repo), manifest, store),
  deleteManifest: (repo) => del(manifestKey(repo), store),
  listManifests: () => valuesWithPrefix<InstalledManifest>('manifest:'),
  getPending: async (repo) => (await get<PendingDownload>(pendingKey(repo), store)) ?? null,
  putPending: (pending) => set(pendingKey(pending.plan.repo), pending, store),
  deletePending: (repo) => del(pendingKey(repo), store),
  listPending: () => valuesWithPrefix<PendingDownload>('pending:'),
};
