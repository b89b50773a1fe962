import type { RangeLayout } from './range-layout.ts';
import { planRanges, trustedWritten } from '../plan/byte-ranges.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import type { ModelStore } from './model-store.ts';

/**
 * Bytes of a plan already in the store: each file up to its planned size, or, for a file fetched
 * as several ranges, what its ranges have on disk (its size counts the gaps between them).
 */
export async function planBytesOnDisk(store: ModelStore, plan: FilePlan, layout?: RangeLayout): Promise<number> {
  const sizes = await Promise.all(plan.files.map((f) => store.sizeOf({ repo: plan.repo, commit: plan.commit, path: f.path })));
  return sizes.reduce<number>((sum, size, i) => {
    const file = plan.files[i];
    const recorded = layout?.ranges[file.path];
    if (!recorded || !layout) return sum + Math.min(size ?? 0, file.size);
    return sum + trustedWritten(planRanges(file.size, layout.rangeBytes(file.size)), recorded, size ?? 0).reduce((a, b) => a + b, 0);
  }, 0);
}
