import type { FilePlan } from '../plan/file-plan.ts';
import type { ModelStore } from './model-store.ts';

/** Bytes of a plan already in the store (each file counted up to its planned size). */
export async function planBytesOnDisk(store: ModelStore, plan: FilePlan): Promise<number> {
  const sizes = await Promise.all(plan.files.map((f) => store.sizeOf({ repo: plan.repo, commit: plan.commit, path: f.path })));
  return sizes.reduce<number>((sum, size, i) => sum + Math.min(size ?? 0, plan.files[i].size), 0);
}
