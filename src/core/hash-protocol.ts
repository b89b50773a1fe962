import type { HashKind } from './download/hasher.ts';

/** Download worker → hash worker. Chunks arrive transferred, never copied. */
export type HashRequest =
  | { readonly type: 'start'; readonly id: number; readonly kind: HashKind; readonly size: number }
  | { readonly type: 'update'; readonly id: number; readonly chunk: ArrayBuffer }
  | { readonly type: 'digest'; readonly id: number }
  /** Forget a hash that will never be digested (cancelled or restarted file). */
  | { readonly type: 'free'; readonly id: number };

/** Hash worker → download worker: `ack` frees in-flight bytes (backpressure), `digest` ends a hash. */
export type HashReply =
  | { readonly type: 'ack'; readonly id: number; readonly bytes: number }
  | { readonly type: 'digest'; readonly id: number; readonly hex: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
