import { planRanges, trustedWritten } from '../plan/byte-ranges.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import type { ModelStore } from './model-store.ts';
import type { RangeLayout } from './range-layout.ts';

/**
 * Bytes of each file of a plan already in the store: up to its planned size, or, for a file fetched
 * as several ranges, what its ranges have on disk (its size counts the gaps between them).
 */
export async function planDoneByFile(store: ModelStore, plan: FilePlan, layout?: RangeLayout): Promise<Map<string, number>> {
  const sizes = await Promise.all(plan.files.map((f) => store.sizeOf({ repo: plan.repo, commit: plan.commit, path: f.path })));
  return new Map(
    plan.files.map((file, i) => {
      const recorded = layout?.ranges[file.path];
      if (!recorded || !layout) return [file.path, Math.min(sizes[i] ?? 0, file.size)];
      return [file.path, trustedWritten(planRanges(file.size, layout.rangeBytes(file.size)), recorded, sizes[i] ?? 0).reduce((a, b) => a + b, 0)];
    }),
  );
}

/** Bytes of a plan already in the store (see `planDoneByFile`). */
export async function planBytesOnDisk(store: ModelStore, plan: FilePlan, layout?: RangeLayout): Promise<number> {
  return [...(await planDoneByFile(store, plan, layout)).values()].reduce((a, b) => a + b, 0);
}
