import type { CancelRequest, JobReply } from '../job/job-protocol.ts';
import type { Dtype, DtypeOption } from '../plan/dtypes.ts';
import type { InstalledManifest } from '../store/records.ts';
import type { StoredModel } from '../store/stored-model.ts';
import type { UpdateInfo } from './check-update.ts';
import type { RetryNotice } from './progress.ts';

/** Where the hub is, and the person's token for it (never logged, never in a message to a person). */
interface HubAccess {
  readonly hubUrl: string;
  readonly accessToken?: string;
}

/** Page → download worker. Every job can be cancelled (`cancel`); a download answers `cancelled` before its files are closed. */
export type DownloadRequest =
  | ({ readonly type: 'inspect'; readonly jobId: string; readonly repo: string; readonly revision: string } & HubAccess)
  | ({
      readonly type: 'download';
      readonly jobId: string;
      readonly repo: string;
      readonly revision: string;
      readonly dtype: Dtype;
      /** At most this many requests at once (1 = one connection, as a baseline); adaptive up to 6 when absent. */
      readonly maxConnections?: number;
    } & HubAccess)
  /** Delete a model's bytes; downloads of it, here and in other tabs, are cancelled first. */
  | { readonly type: 'delete'; readonly jobId: string; readonly repo: string }
  | { readonly type: 'list'; readonly jobId: string }
  /** Ask the hub whether installed models' revisions moved on. */
  | ({ readonly type: 'check-updates'; readonly jobId: string } & HubAccess)
  | CancelRequest;

/** How each kind of download-worker job ends well. */
export type DownloadResult =
  | { readonly type: 'inspected'; readonly repo: string; readonly commit: string; readonly options: readonly DtypeOption[] }
  | { readonly type: 'installed'; readonly repo: string; readonly manifest: InstalledManifest }
  /** Another tab downloads (or deletes) this repo: nothing was done here. */
  | { readonly type: 'busy'; readonly repo: string }
  | { readonly type: 'deleted'; readonly repo: string }
  /** `freed`: bytes of orphaned commit folders removed before listing (0 after the worker's first list). */
  | { readonly type: 'listed'; readonly models: readonly StoredModel[]; readonly freed: number }
  /** Installed models with a newer commit; `failed`: models that could not be checked (offline, hub down), with why. */
  | { readonly type: 'updates'; readonly updates: readonly UpdateInfo[]; readonly failed: readonly { readonly repo: string; readonly message: string }[] };

/** While a download runs (its progress is in bytes of the model): the file the bytes came from, and a retry being waited out. */
export interface DownloadUpdate {
  readonly type: 'file';
  readonly path: string;
  readonly done: number;
  readonly total: number;
  readonly retry: RetryNotice | null;
}

export type DownloadReply = JobReply<DownloadResult, DownloadUpdate>;

/** Between tabs (BroadcastChannel): one tab's replies about a repo's download or delete, and another tab's wish to cancel it. */
export type TabMessage =
  | { readonly type: 'relay'; readonly repo: string; readonly reply: DownloadReply }
  | { readonly type: 'abort-repo'; readonly repo: string };

export const DOWNLOAD_CHANNEL = 'whisper-studio:downloads';

/** The Web Lock a tab holds while it downloads (or deletes) a repo: one tab at a time, and others can wait for it. */
export const repoLockName = (repo: string): string => `whisper-studio:download:${repo}`;
