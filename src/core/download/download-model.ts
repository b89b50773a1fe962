import { StudioError } from '../errors.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { listRepoFiles } from '../hub/list-repo-files.ts';
import { resolveCommit } from '../hub/resolve-commit.ts';
import type { Dtype } from '../plan/dtypes.ts';
import { planFiles, type FilePlan } from '../plan/file-plan.ts';
import { planDoneByFile } from '../store/plan-bytes-on-disk.ts';
import { rangeBytesFor } from '../plan/byte-ranges.ts';
import { rangeLayout, type RangeLayout } from '../store/range-layout.ts';
import type { InstalledManifest, RecordStore } from '../store/records.ts';
import { copyUnchanged } from './copy-unchanged.ts';
import { openModelTransfers, type ModelTransfers } from './model-transfers.ts';
import type { NetworkContext, StorageContext, TransferPolicies } from './transfer-context.ts';
import { PendingCheckpoints } from './pending-checkpoints.ts';
import { runPool, type TaskEvent } from './task-pool.ts';
import { DEFAULT_CONCURRENCY } from './concurrency.ts';
import { shouldEmit, type DownloadProgress } from './progress.ts';

export type ModelEvent =
  | { readonly type: 'started'; readonly plan: FilePlan; readonly done: number }
  | ({ readonly type: 'progress' } & DownloadProgress)
  | { readonly type: 'done'; readonly manifest: InstalledManifest };

export interface DownloadModelParams extends TransferPolicies {
  readonly repo: string;
  readonly revision: string;
  readonly dtype: Dtype;
  readonly net: NetworkContext;
  readonly storage: StorageContext;
  readonly records: RecordStore;
  readonly signal: AbortSignal;
  /** Free space as the browser reports it; null where it cannot tell. */
  readonly estimate: () => Promise<{ readonly quota: number; readonly usage: number } | null>;
}

/** The plan to follow: an interrupted download's (pinned to its commit, with its ranges' progress), else a fresh one. */
async function choosePlan(p: DownloadModelParams): Promise<{ plan: FilePlan; layout: RangeLayout }> {
  const pending = await p.records.getPending(p.repo);
  const connections = (p.concurrency ?? DEFAULT_CONCURRENCY).max;
  if (pending && pending.plan.dtype === p.dtype && pending.revision === p.revision) return { plan: pending.plan, layout: rangeLayout(pending, 0) };
  const hub = { repo: p.repo, hubUrl: p.net.hubUrl, accessToken: p.net.accessToken, fetch: p.net.fetch, signal: p.signal, timeoutMs: p.hubTimeoutMs };
  const commit = await resolveCommit({ ...hub, revision: p.revision });
  const plan = planFiles(p.repo, commit, await listRepoFiles({ ...hub, revision: commit }), p.dtype);
  if (plan) return { plan, layout: rangeLayout(null, p.rangeBytes ?? rangeBytesFor(plan.totalBytes, connections)) };
  throw new StudioError({ code: 'unsupported', repo: p.repo, message: `${p.repo} has no complete ${p.dtype} ONNX weights for the browser. Pick another dtype or model.` });
}

async function ensureSpace(p: DownloadModelParams, missing: number): Promise<void> {
  const estimate = await p.estimate();
  if (!estimate) return;
  const free = estimate.quota - estimate.usage;
  if (missing > free) {
    throw new StudioError({
      code: 'quota',
      repo: p.repo,
      message: `Not enough storage for ${p.repo}: it needs ${formatBytes(missing)} more, but the browser allows only ${formatBytes(Math.max(0, free))} more on this device. Delete a model or free disk space, then try again.`,
    });
  }
}

/**
 * Download a model's files for one dtype, pinned to one commit, into the store: several requests
 * at once (big files in segments), each file verified; the manifest is written only after every
 * file verified. Yields the plan, throttled progress and the result.
 */
export async function* downloadModel(p: DownloadModelParams): AsyncGenerator<ModelEvent> {
  const { plan, layout } = await choosePlan(p);
  const installed = await p.records.getManifest(p.repo);
  const doneByFile = await planDoneByFile(p.storage.store, plan, layout);
  const done = [...doneByFile.values()].reduce((a, b) => a + b, 0);
  yield { type: 'started', plan, done };
  await ensureSpace(p, plan.totalBytes - done); // before anything is copied: a copy needs the space too
  const checkpoints = new PendingCheckpoints(p.records, { plan, revision: p.revision, startedAt: p.net.wallNow(), rangeBytes: layout.recordedBytes, ranges: layout.ranges });
  await checkpoints.save(); // before any byte is written: the folder is named by a record, never swept as an orphan
  const opened: { work: ModelTransfers | null } = { work: null };
  async function* transfers(): AsyncGenerator<TaskEvent> {
    const reused = new Set<string>();
    yield* copyUnchanged(plan, installed, { ...p.storage, signal: p.signal }, reused);
    opened.work = await openModelTransfers(plan, { ...p, policies: p, layout, checkpoints, done: reused });
    yield* runPool(opened.work.tasks, { signal: p.signal, now: p.net.now, concurrency: p.concurrency });
  }
  try {
    yield* progressOf(transfers(), plan, doneByFile, p.net.now);
  } finally {
    await opened.work?.close();
    await checkpoints.drained();
  }
  const manifest = manifestOf(plan, p.revision, p.net.wallNow());
  await p.records.putManifest(manifest); // the switch: readers move to the new commit at once
  await p.records.deletePending(p.repo);
  if (installed && installed.commit !== plan.commit) await p.storage.store.removeCommit(p.repo, installed.commit).catch(() => undefined); // a file still being read stays until the next update
  yield { type: 'done', manifest };
}

/** Throttled progress over the pool's events: bytes of the model and of the file they came from. */
async function* progressOf(events: AsyncGenerator<TaskEvent>, plan: FilePlan, doneByFile: Map<string, number>, now: () => number): AsyncGenerator<ModelEvent> {
  const sizes = new Map(plan.files.map((f) => [f.path, f.size]));
  let done = [...doneByFile.values()].reduce((a, b) => a + b, 0);
  let lastEmit: number | null = null;
  for await (const event of events) {
    if (event.type === 'bytes') {
      doneByFile.set(event.path, (doneByFile.get(event.path) ?? 0) + event.delta);
      done += event.delta;
    }
    const at = now();
    const file = { path: event.path, done: doneByFile.get(event.path) ?? 0, total: sizes.get(event.path) ?? 0 };
    // The hot path: one comparison a chunk. A retry always goes out.
    if (event.type === 'bytes' && !shouldEmit(lastEmit, at, file.done === file.total)) continue;
    if (event.type === 'bytes') lastEmit = at;
    const retry = event.type === 'retry' ? { reason: event.reason, delayMs: event.delayMs } : null;
    yield { type: 'progress', done, total: plan.totalBytes, file, retry };
  }
}

function manifestOf(plan: FilePlan, revision: string, now: number): InstalledManifest {
  return Object.freeze({
    revision,
    repo: plan.repo,
    commit: plan.commit,
    dtype: plan.dtype,
    files: plan.files, // already frozen {path, size, sha256, oid}: what the manifest records
    totalBytes: plan.totalBytes,
    installedAt: now,
  });
}
