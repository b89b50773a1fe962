import type { ModelStore } from './model-store.ts';
import type { RecordStore } from './records.ts';

/** Forget a model: the manifest first, so it stops counting as installed before any byte goes; then the files and the pending record. */
export async function deleteStoredModel(repo: string, records: RecordStore, store: ModelStore): Promise<void> {
  await records.deleteManifest(repo);
  await store.removeRepo(repo);
  await records.deletePending(repo);
}
