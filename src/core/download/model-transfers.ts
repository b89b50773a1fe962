import type { FilePlan } from '../plan/file-plan.ts';
import type { RangeLayout } from '../store/range-layout.ts';
import { FileTransfer } from './file-transfer.ts';
import type { PendingCheckpoints } from './pending-checkpoints.ts';
import type { PoolTask } from './task-pool.ts';
import type { NetworkContext, StorageContext, TransferPolicies } from './transfer-context.ts';

export interface ModelTransfers {
  /** Their events are deltas from the bytes on disk when the files were opened (`planDoneByFile`). */
  readonly tasks: readonly PoolTask[];
  /** Close every file the tasks opened, recording their progress (idempotent; files close themselves when verified). */
  close(): Promise<void>;
}

export interface ModelTransferParams {
  readonly net: NetworkContext;
  readonly storage: StorageContext;
  readonly policies: TransferPolicies;
  readonly layout: RangeLayout;
  readonly checkpoints: PendingCheckpoints;
  /** Files already verified on disk (e.g. carried over from the installed commit): no task. */
  readonly done: ReadonlySet<string>;
}

/** The pool's tasks for a plan, in plan order: a task per missing range of each file not done yet. */
export async function openModelTransfers(plan: FilePlan, p: ModelTransferParams): Promise<ModelTransfers> {
  const files: FileTransfer[] = [];
  const close = async (): Promise<void> => void (await Promise.all(files.map((f) => f.close())));
  try {
    for (const file of plan.files) {
      if (p.done.has(file.path)) continue;
      const recorded = p.layout.ranges[file.path];
      const checkpoint = (path: string, written: readonly number[] | undefined): Promise<void> => p.checkpoints.update(path, written);
      const opened = await FileTransfer.open({ ...p, repo: plan.repo, commit: plan.commit, file, rangeBytes: p.layout.rangeBytes(file.size), recorded, checkpoint });
      files.push(opened);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { tasks: files.flatMap((f) => f.tasks), close };
}
