import { planSegments, trustedWritten } from '../download/segments.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import type { ModelStore } from './model-store.ts';
import type { PendingDownload } from './records.ts';

/**
 * Bytes of a plan already in the store: each file up to its planned size, or, for a file that
 * downloads in segments, what its segments have on disk (its size counts the gaps between them).
 */
export async function planBytesOnDisk(store: ModelStore, plan: FilePlan, segments?: PendingDownload['segments']): Promise<number> {
  const sizes = await Promise.all(plan.files.map((f) => store.sizeOf({ repo: plan.repo, commit: plan.commit, path: f.path })));
  return sizes.reduce<number>((sum, size, i) => {
    const file = plan.files[i];
    const recorded = segments?.[file.path];
    if (!recorded) return sum + Math.min(size ?? 0, file.size);
    return sum + trustedWritten(planSegments(file.size), recorded, size ?? 0).reduce((a, b) => a + b, 0);
  }, 0);
}
