import type { CancelRequest, JobReply } from '../job/job-protocol.ts';
import type { HashKind } from './hasher.ts';

/**
 * Download worker → hash worker: one job per file hash. `update` chunks arrive transferred, never
 * copied, and in order; `digest` ends the hash; `cancel` forgets one that will never be digested.
 */
export type HashRequest =
  | { readonly type: 'start'; readonly jobId: string; readonly kind: HashKind; readonly size: number }
  | { readonly type: 'update'; readonly jobId: string; readonly chunk: ArrayBuffer }
  | { readonly type: 'digest'; readonly jobId: string }
  | CancelRequest;

/** The hex digest. */
export interface HashResult {
  readonly hex: string;
}

/** Progress: bytes hashed so far (what frees the sender's in-flight bytes: backpressure). */
export type HashReply = JobReply<HashResult>;
