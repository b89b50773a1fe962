import type { UpdateInfo } from './download/check-update.ts';
import type { DownloadProgress } from './download/progress.ts';
import type { ErrorData } from './errors.ts';
import type { Dtype } from './plan/dtypes.ts';
import type { InstalledManifest } from './store/records.ts';

/** What the UI asks the download worker. Every message is a frozen plain object. */
export type DownloadRequest =
  | { readonly type: 'inspect'; readonly jobId: string; readonly repo: string; readonly revision: string; readonly hubUrl: string; readonly accessToken?: string }
  | {
      readonly type: 'download';
      readonly jobId: string;
      readonly repo: string;
      readonly revision: string;
      readonly dtype: Dtype;
      readonly hubUrl: string;
      readonly accessToken?: string;
      /** At most this many requests at once (1 = one connection, as a baseline); adaptive up to 6 when absent. */
      readonly maxConnections?: number;
    }
  | { readonly type: 'abort'; readonly jobId: string }
  | { readonly type: 'delete'; readonly jobId: string; readonly repo: string }
  | { readonly type: 'list'; readonly jobId: string }
  /** Ask the hub whether installed models' revisions moved on. */
  | { readonly type: 'check-updates'; readonly jobId: string; readonly hubUrl: string; readonly accessToken?: string };

export type { UpdateInfo };

/** A dtype a repo can be downloaded as, with its exact size. */
export interface DtypeOption {
  readonly dtype: Dtype;
  readonly totalBytes: number;
  readonly fileCount: number;
}

/** A model with bytes on this device: installed (verified) or partial (resumable). */
export interface StoredModel {
  readonly repo: string;
  readonly state: 'installed' | 'partial';
  readonly dtype: Dtype;
  readonly commit: string;
  readonly revision: string;
  readonly bytesOnDisk: number;
  readonly totalBytes: number;
  readonly installedAt: number | null;
}

/** What the download worker answers; progress, done, cancelled and error also go to other tabs. */
export type DownloadReply =
  /** The worker holds `lock` while it lives: the UI sees its death, however it dies. */
  | { readonly type: 'alive'; readonly jobId: ''; readonly lock: string }
  | { readonly type: 'inspected'; readonly jobId: string; readonly repo: string; readonly commit: string; readonly options: readonly DtypeOption[] }
  | { readonly type: 'started'; readonly jobId: string; readonly repo: string; readonly dtype: Dtype; readonly total: number; readonly loaded: number }
  | ({ readonly type: 'progress'; readonly jobId: string; readonly repo: string } & DownloadProgress)
  | { readonly type: 'done'; readonly jobId: string; readonly repo: string; readonly manifest: InstalledManifest }
  | { readonly type: 'cancelled'; readonly jobId: string; readonly repo: string }
  | { readonly type: 'error'; readonly jobId: string; readonly repo: string | null; readonly error: ErrorData }
  | { readonly type: 'busy'; readonly jobId: string; readonly repo: string }
  /** `freed`: bytes of orphaned commit folders removed before listing (0 after the worker's first list). */
  | { readonly type: 'installed-list'; readonly jobId: string; readonly models: readonly StoredModel[]; readonly freed: number }
  | { readonly type: 'deleted'; readonly jobId: string; readonly repo: string }
  /** Installed models with a newer commit; `failed`: models that could not be checked (offline, hub down), with why. */
  | { readonly type: 'updates'; readonly jobId: string; readonly updates: readonly UpdateInfo[]; readonly failed: readonly { readonly repo: string; readonly message: string }[] };

/** Between tabs (BroadcastChannel): one tab's download replies, and another tab's wish to cancel. */
export type TabMessage =
  | { readonly type: 'relay'; readonly reply: DownloadReply }
  | { readonly type: 'abort-repo'; readonly repo: string };

export const DOWNLOAD_CHANNEL = 'whisper-studio:downloads';

/** The Web Lock a tab holds while it downloads (or deletes) a repo: one tab at a time, and others can wait for it. */
export const repoLockName = (repo: string): string => `whisper-studio:download:${repo}`;

/** Messages are created frozen and never changed afterwards. */
export function message<T extends DownloadRequest | DownloadReply | TabMessage>(value: T): T {
  return Object.freeze(value);
}

/** Replies that other tabs should see too. */
export function isRelayed(reply: DownloadReply): boolean {
  return reply.type === 'started' || reply.type === 'progress' || reply.type === 'done' || reply.type === 'cancelled' || reply.type === 'error' || reply.type === 'deleted';
}
