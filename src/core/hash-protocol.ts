import type { HashKind } from './download/hasher.ts';
import type { ErrorData } from './errors.ts';

/** Download worker → hash worker; one `jobId` per file hash. Chunks arrive transferred, never copied. */
export type HashRequest =
  | { readonly type: 'start'; readonly jobId: string; readonly kind: HashKind; readonly size: number }
  | { readonly type: 'update'; readonly jobId: string; readonly chunk: ArrayBuffer }
  | { readonly type: 'digest'; readonly jobId: string }
  /** Forget a hash that will never be digested (cancelled or restarted file). */
  | { readonly type: 'free'; readonly jobId: string };

/**
 * Hash worker → download worker: `alive` names the lock it holds while it lives (so its death is
 * seen however it dies), `ack` frees in-flight bytes (backpressure), `digest` ends a hash.
 */
export type HashReply =
  | { readonly type: 'alive'; readonly lock: string }
  | { readonly type: 'ack'; readonly jobId: string; readonly bytes: number }
  | { readonly type: 'digest'; readonly jobId: string; readonly hex: string }
  | { readonly type: 'error'; readonly jobId: string; readonly error: ErrorData };
