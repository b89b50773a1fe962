import { StudioError } from '../errors.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { listRepoFiles } from '../hub/list-repo-files.ts';
import { resolveCommit } from '../hub/resolve-commit.ts';
import type { Dtype } from '../plan/dtypes.ts';
import { planFiles, type FilePlan } from '../plan/file-plan.ts';
import { planBytesOnDisk } from '../store/plan-bytes-on-disk.ts';
import type { InstalledManifest, RecordStore } from '../store/records.ts';
import { downloadFile, type DownloadFileParams } from './download-file.ts';
import { addSample, bytesPerSecond, etaSeconds, shouldEmit, type DownloadProgress, type Sample } from './progress.ts';

export type ModelEvent =
  | { readonly type: 'planned'; readonly plan: FilePlan; readonly onDisk: number }
  | ({ readonly type: 'progress' } & DownloadProgress)
  | { readonly type: 'installed'; readonly manifest: InstalledManifest };

export interface DownloadModelParams extends Omit<DownloadFileParams, 'repo' | 'commit' | 'file'> {
  readonly repo: string;
  readonly revision: string;
  readonly dtype: Dtype;
  readonly records: RecordStore;
  /** Free space as the browser reports it; null where it cannot tell. */
  readonly estimate: () => Promise<{ readonly quota: number; readonly usage: number } | null>;
  /** Each hub API request (revision, tree) gives up after this long. @default DEFAULT_HUB_TIMEOUT_MS */
  readonly hubTimeoutMs?: number;
}

/** The plan to follow: an interrupted download's (pinned to its commit), else a fresh one. */
async function choosePlan(p: DownloadModelParams): Promise<FilePlan> {
  const pending = await p.records.getPending(p.repo);
  if (pending && pending.plan.dtype === p.dtype && pending.revision === p.revision) return pending.plan;
  const hub = { repo: p.repo, hubUrl: p.hubUrl, accessToken: p.accessToken, fetch: p.fetch, signal: p.signal, timeoutMs: p.hubTimeoutMs };
  const commit = await resolveCommit({ ...hub, revision: p.revision });
  const plan = planFiles(p.repo, commit, await listRepoFiles({ ...hub, revision: commit }), p.dtype);
  if (plan) return plan;
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
 * Download a model's files for one dtype, pinned to one commit, into the store; write the
 * manifest only after every file verified. Yields the plan, throttled progress and the result.
 */
export async function* downloadModel(p: DownloadModelParams): AsyncGenerator<ModelEvent> {
  const plan = await choosePlan(p);
  const onDisk = await planBytesOnDisk(p.store, plan);
  yield { type: 'planned', plan, onDisk };
  await ensureSpace(p, plan.totalBytes - onDisk);
  await p.records.putPending({ plan, revision: p.revision, startedAt: p.now() });
  let done = 0;
  let samples: readonly Sample[] = [];
  let lastEmit: number | null = null;
  for (const file of plan.files) {
    for await (const event of downloadFile({ ...p, commit: plan.commit, file })) {
      const now = p.now();
      const fileLoaded = event.onDisk;
      const base = { type: 'progress', file: file.path, fileLoaded, fileTotal: file.size, loaded: done + fileLoaded, total: plan.totalBytes } as const;
      if (event.type === 'retry') {
        samples = [];
        yield { ...base, bytesPerSecond: 0, etaSeconds: null, retry: { reason: event.reason, delayMs: event.delayMs } };
        continue;
      }
      const edge = fileLoaded === 0 || fileLoaded === file.size;
      if (!shouldEmit(lastEmit, now, edge)) continue; // the hot path: one comparison a chunk
      lastEmit = now;
      samples = addSample(samples, { at: now, bytes: base.loaded });
      const speed = bytesPerSecond(samples);
      yield { ...base, bytesPerSecond: speed, etaSeconds: etaSeconds(plan.totalBytes - base.loaded, speed), retry: null };
    }
    done += file.size;
  }
  const manifest = manifestOf(plan, p.now());
  await p.records.putManifest(manifest);
  await p.records.deletePending(p.repo);
  yield { type: 'installed', manifest };
}

function manifestOf(plan: FilePlan, now: number): InstalledManifest {
  return Object.freeze({
    repo: plan.repo,
    commit: plan.commit,
    dtype: plan.dtype,
    files: plan.files, // already frozen {path, size, sha256, oid}: what the manifest records
    totalBytes: plan.totalBytes,
    installedAt: now,
  });
}
