import type { ModelStore } from '../store/model-store.ts';
import type { ConcurrencyPolicy } from './concurrency.ts';
import type { HasherFactory } from './hasher.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { SpeedFloorPolicy } from './speed-floor.ts';

/** Everything a download needs from the network side: where the hub is, how to reach it, and the clocks that pace it. */
export interface NetworkContext {
  readonly hubUrl: string;
  /** `hf_…`, for the origin it was entered for (see `tokenFor`). */
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A monotonic clock (ms) for speeds and pacing. */
  readonly now: () => number;
  /** The wall clock (ms since epoch) for HTTP dates such as Retry-After. */
  readonly wallNow: () => number;
  readonly random: () => number;
  /** Lets queued messages (an abort) run; called every few ms of the chunk loop. */
  readonly yieldToEvents?: () => Promise<void>;
}

/** Everything a download needs from the storage side: where bytes go, and what hashes them. */
export interface StorageContext {
  readonly store: ModelStore;
  readonly createHasher: HasherFactory;
}

/** The knobs of a transfer; each has a default. */
export interface TransferPolicies {
  /** @default DEFAULT_RETRY */
  readonly retry?: RetryPolicy;
  /** Silence on the network (no headers, no body bytes) that aborts an attempt. @default DEFAULT_STALL_MS */
  readonly stallTimeoutMs?: number;
  /** How slow an attempt may be for how long before it is dropped and retried. @default DEFAULT_SPEED_FLOOR */
  readonly speedFloor?: SpeedFloorPolicy;
  /** How many requests run at once, and how that adapts. @default DEFAULT_CONCURRENCY */
  readonly concurrency?: ConcurrencyPolicy;
  /** How long each range of a file is, for a fresh download. @default sized by the connection budget (`rangeBytesFor`) */
  readonly rangeBytes?: number;
  /** Each hub API request (revision, tree) gives up after this long. @default DEFAULT_HUB_TIMEOUT_MS */
  readonly hubTimeoutMs?: number;
}

/** huggingface_hub uses 10 s; a little more spares slow mobile links. */
export const DEFAULT_STALL_MS = 15_000;
