import type { ModelStore } from './model-store.ts';
import { planBytesOnDisk } from './plan-bytes-on-disk.ts';
import { rangeLayout } from './range-layout.ts';
import type { RecordStore } from './records.ts';
import type { StoredModel } from './stored-model.ts';
import { modelKindOf } from '../plan/file-plan.ts';

/** Installed models (from manifests) and interrupted downloads (from pending records + bytes on disk). */
export async function listStoredModels(records: RecordStore, store: ModelStore): Promise<readonly StoredModel[]> {
  const installed = (await records.listManifests()).map(
    (m): StoredModel =>
      Object.freeze({ repo: m.repo, kind: modelKindOf(m.files.map((f) => f.path)), state: 'installed', dtype: m.dtype, commit: m.commit, revision: m.revision ?? m.commit, bytesOnDisk: m.totalBytes, totalBytes: m.totalBytes, installedAt: m.installedAt }),
  );
  const pending = (await records.listPending()).filter((p) => !installed.some((i) => i.repo === p.plan.repo));
  const partial = await Promise.all(
    pending.map(
      async (p): Promise<StoredModel> =>
        Object.freeze({ repo: p.plan.repo, kind: modelKindOf(p.plan.files.map((f) => f.path)), state: 'partial', dtype: p.plan.dtype, commit: p.plan.commit, revision: p.revision, bytesOnDisk: await planBytesOnDisk(store, p.plan, rangeLayout(p, 0)), totalBytes: p.plan.totalBytes, installedAt: null }),
    ),
  );
  return Object.freeze([...installed, ...partial]);
}
