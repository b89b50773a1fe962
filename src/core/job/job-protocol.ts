import type { ErrorData } from '../errors.ts';
import type { Progress } from './progress.ts';

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
export type JobEndReply<R extends AnyJobReply> = Extract<R, { readonly type: 'result' | 'failed' | 'cancelled' }>;

/**
 * Sent once by every job worker, for no job: it holds Web Lock `lock` while it lives, so whoever
 * owns it learns of its death however it dies (a closed or crashed worker sends no event).
 */
export interface AliveMessage {
  readonly type: 'alive';
  readonly lock: string;
}

/** Every request names its job; `cancel` asks a running job to stop (it answers `cancelled`). */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly jobId: string;
}

export const isEnd = <R extends AnyJobReply>(reply: R): reply is JobEndReply<R> =>
  reply.type === 'result' || reply.type === 'failed' || reply.type === 'cancelled';

/** Messages are created frozen and never changed afterwards. */
export const frozen = <T extends object>(message: T): T => Object.freeze(message);
