import type { HubParams } from '../hub/hub-params.ts';
import type { RecordStore } from '../store/records.ts';
import { checkForUpdate, type UpdateInfo } from './check-update.ts';

/** Check every installed model for an update; a model that cannot be checked is reported, not thrown. */
export async function checkInstalled(
  records: RecordStore,
  hub: Omit<HubParams, 'repo'>,
): Promise<{ updates: readonly UpdateInfo[]; failed: readonly { repo: string; message: string }[] }> {
  const updates: UpdateInfo[] = [];
  const failed: { repo: string; message: string }[] = [];
  for (const manifest of await records.listManifests()) {
    try {
      const update = await checkForUpdate(manifest, hub);
      if (update) updates.push(update);
    } catch (error) {
      failed.push(Object.freeze({ repo: manifest.repo, message: error instanceof Error ? error.message : String(error) }));
    }
  }
  return Object.freeze({ updates: Object.freeze(updates), failed: Object.freeze(failed) });
}
