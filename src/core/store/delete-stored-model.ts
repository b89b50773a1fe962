import { StudioError } from '../errors.ts';
import type { ModelStore } from './model-store.ts';
import type { RecordStore } from './records.ts';

/**
 * Forget a model: the manifest first, so it stops counting as installed before any byte goes;
 * then the files, then the pending record. If the files cannot be removed (a file still open
 * elsewhere), the manifest is put back: files are never left behind without their record.
 * Callers hold the repo's lock, so no download can write a newer pending record meanwhile.
 */
export async function deleteStoredModel(repo: string, records: RecordStore, store: ModelStore): Promise<void> {
  const manifest = await records.getManifest(repo);
  await records.deleteManifest(repo);
  try {
    await store.removeRepo(repo);
  } catch (error) {
    if (manifest) await records.putManifest(manifest);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StudioError({ code: 'storage', repo, message: `${repo} could not be deleted (${reason}). It may be in use for a transcription: stop it, then delete again.` });
  }
  await records.deletePending(repo);
}
