import type { Dtype } from '../plan/dtypes.ts';
import type { FilePlan } from '../plan/file-plan.ts';

/** Written last, after every file verified: only a model with a manifest counts as installed. */
export interface InstalledManifest {
  readonly repo: string;
  readonly commit: string;
  readonly dtype: Dtype;
  readonly files: readonly { readonly path: string; readonly size: number; readonly sha256: string | null; readonly oid: string }[];
  readonly totalBytes: number;
  readonly installedAt: number;
  /** The branch or tag it was downloaded from, which an update follows (older manifests: none). */
  readonly revision?: string;
}

/** A download under way or interrupted; it makes "Resume" possible after a reload. */
export interface PendingDownload {
  readonly plan: FilePlan;
  readonly revision: string;
  readonly startedAt: number;
  /** How long each file's ranges are (see `rangeBytesFor`); absent in records written before ranges were sized by the connection budget. */
  readonly rangeBytes?: number;
  /**
   * For files fetched as several ranges: bytes of each range on disk (as of its last flush), by
   * path. A file without an entry is contiguous from its start, so its size on disk is its progress.
   */
  readonly ranges?: Readonly<Record<string, readonly number[]>>;
  /** What `ranges` was called in records written before 2026-12; read, never written. */
  readonly segments?: Readonly<Record<string, readonly number[]>>;
}

/** Small records beside the bytes (IndexedDB in the browser). */
export interface RecordStore {
  getManifest(repo: string): Promise<InstalledManifest | null>;
  putManifest(manifest: InstalledManifest): Promise<void>;
  deleteManifest(repo: string): Promise<void>;
  listManifests(): Promise<readonly InstalledManifest[]>;
  getPending(repo: string): Promise<PendingDownload | null>;
  putPending(pending: PendingDownload): Promise<void>;
  deletePending(repo: string): Promise<void>;
  listPending(): Promise<readonly PendingDownload[]>;
}
