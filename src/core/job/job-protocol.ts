import type { ErrorData } from '../errors.ts';

/** What a job counts its work in: bytes (downloads, hashes) or seconds of media (reading, transcribing, video). */
export type ProgressUnit = 'bytes' | 'seconds';

/** How far a job is: `done` of `total` (0 while unknown). */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly unit: ProgressUnit;
}

/**
 * What every job's worker answers, whatever the job: how far it is, its own news on the way
 * (`Update`), and exactly one end — a `result`, `failed` or `cancelled` — after which nothing follows.
 */
export type JobReply<Result, Update = never> =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: Progress }
  | { readonly type: 'update'; readonly jobId: string; readonly update: Update }
  | { readonly type: 'result'; readonly jobId: string; readonly result: Result }
  | { readonly type: 'failed'; readonly jobId: string; readonly error: ErrorData }
  | { readonly type: 'cancelled'; readonly jobId: string };

/** Any job's reply, for code that only routes them. */
export type AnyJobReply = JobReply<unknown, unknown>;

/** The end of a job. */
export type JobEnd<R extends AnyJobReply> = Extract<R, { readonly type: 'result' | 'failed' | 'cancelled' }>;

/**
 * Sent once by every job worker, for no job: it holds Web Lock `lock` while it lives, so whoever
 * owns it learns of its death however it dies (a closed or crashed worker sends no event).
 */
export interface WorkerAlive {
  readonly type: 'alive';
  readonly lock: string;
}

/** Every request names its job; `cancel` asks a running job to stop (it answers `cancelled`). */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly jobId: string;
}

export const isEnd = <R extends AnyJobReply>(reply: R): reply is JobEnd<R> =>
  reply.type === 'result' || reply.type === 'failed' || reply.type === 'cancelled';

/** Messages are created frozen and never changed afterwards. */
export const frozen = <T extends object>(message: T): T => Object.freeze(message);
