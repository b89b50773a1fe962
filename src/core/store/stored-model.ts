import type { Dtype } from '../plan/dtypes.ts';

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
