import type { StoredModel } from '../protocol.ts';
import type { ModelStore } from './model-store.ts';
import type { RecordStore } from './records.ts';

/** Installed models (from manifests) and interrupted downloads (from pending records + bytes on disk). */
export async function listStoredModels(records: RecordStore, store: ModelStore): Promise<readonly StoredModel[]> {
  const installed = (await records.listManifests()).map(
    (m): StoredModel =>
      Object.freeze({ repo: m.repo, state: 'installed', dtype: m.dtype, commit: m.commit, revision: m.commit, bytesOnDisk: m.totalBytes, totalBytes: m.totalBytes, installedAt: m.installedAt }),
  );
  const partial = await Promise.all(
    (await records.listPending()).map(async (p): Promise<StoredModel> => {
      const sizes = await Promise.all(p.plan.files.map((f) => store.sizeOf({ repo: p.plan.repo, commit: p.plan.commit, path: f.path })));
      const bytesOnDisk = sizes.reduce<number>((sum, s, i) => sum + Math.min(s ?? 0, p.plan.files[i].size), 0);
      return Object.freeze({ repo: p.plan.repo, state: 'partial', dtype: p.plan.dtype, commit: p.plan.commit, revision: p.revision, bytesOnDisk, totalBytes: p.plan.totalBytes, installedAt: null });
    }),
  );
  return Object.freeze([...installed, ...partial.filter((p) => !installed.some((i) => i.repo === p.repo))]);
}
