import type { RepoFile } from '../hub/list-repo-files.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import { asTaskEvents, downloadFile, type DownloadFileParams } from './download-file.ts';
import type { PendingCheckpoints } from './pending-checkpoints.ts';
import { SegmentedFile } from './segmented-file.ts';
import type { PoolTask } from './task-pool.ts';

type TaskParams = Omit<DownloadFileParams, 'repo' | 'commit' | 'file' | 'signal'> & { readonly repo: string };

/** A small file in one request, reported as deltas from what was on disk when the plan was opened. */
function wholeFileTask(p: TaskParams, plan: FilePlan, file: RepoFile, initial: number): PoolTask {
  return {
    run: (signal) => asTaskEvents(downloadFile({ ...p, commit: plan.commit, file, signal }), file.path, initial),
  };
}

export interface PlanTasks {
  readonly tasks: readonly PoolTask[];
  /** Bytes of each file on disk when the tasks were made; events are deltas from these. */
  readonly loaded: Map<string, number>;
  /** Close every file the tasks opened, recording their progress (idempotent; files close themselves when verified). */
  close(): Promise<void>;
}

/**
 * The pool's tasks for a plan, in plan order: a task per small file, a task per missing segment of
 * a big one; none for files already verified on disk (`done`, e.g. copied from the installed commit).
 */
export async function openPlanTasks(plan: FilePlan, p: TaskParams, checkpoints: PendingCheckpoints, done: ReadonlySet<string> = new Set()): Promise<PlanTasks> {
  const segmented: SegmentedFile[] = [];
  const tasks: PoolTask[] = [];
  const loaded = new Map<string, number>();
  const close = async (): Promise<void> => void (await Promise.all(segmented.map((f) => f.close())));
  try {
    for (const file of plan.files) {
      if (done.has(file.path)) loaded.set(file.path, file.size);
      else if (SegmentedFile.applies(file.size)) {
        const opened = await SegmentedFile.open({ ...p, commit: plan.commit, file, recorded: checkpoints.pending.segments?.[file.path], checkpoint: (path, written) => checkpoints.update(path, written) });
        segmented.push(opened);
        loaded.set(file.path, opened.onDisk);
        tasks.push(...opened.tasks);
      } else {
        const initial = Math.min(file.size, (await p.store.sizeOf({ repo: plan.repo, commit: plan.commit, path: file.path })) ?? 0);
        loaded.set(file.path, initial);
        tasks.push(wholeFileTask(p, plan, file, initial));
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { tasks, loaded, close };
}
