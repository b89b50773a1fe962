import type { Dtype } from '../plan/dtypes.ts';
import type { ModelKind } from '../plan/file-plan.ts';

/** A model with bytes on this device: installed (verified) or partial (resumable). */
export interface StoredModel {
  readonly repo: string;
  /** Whisper (transcribes) or a speaker segmentation model. */
  readonly kind: ModelKind;
  readonly state: 'installed' | 'partial';
  readonly dtype: Dtype;
  readonly commit: string;
  readonly revision: string;
  readonly bytesOnDisk: number;
  readonly totalBytes: number;
  readonly installedAt: number | null;
}
