/// <reference lib="webworker" />
import { toErrorData } from '../../core/errors.ts';
import { frozen, type AnyJobReply } from '../../core/job/job-protocol.ts';
import { holdLifeLock } from './hold-life-lock.ts';

export interface ServeOptions<Req, Reply> {
  /** Does the job the request asks for, posting its replies; what it throws becomes the job's `failed`. */
  readonly handle: (request: Req) => Promise<void> | void;
  /** Where replies go: to the owner by default (the download worker also tells other tabs). */
  readonly post?: (reply: Reply) => void;
  /** Handle one request after another (a hash's chunks must arrive in order). */
  readonly ordered?: boolean;
}

/** Posts a reply to the page (created frozen). */
export const postTo =
  <Reply>(scope: DedicatedWorkerGlobalScope) =>
  (reply: Reply, transfer: Transferable[] = []): void =>
    scope.postMessage(frozen(reply as object), transfer);

/**
 * The worker's side of the job bridge (`job-owner.ts` is the page's): says `alive` with the life
 * lock it holds, hands each request to `handle`, and turns what a job throws into its `failed`.
 */
export function serveJobs<Req extends { readonly jobId: string }, Reply extends AnyJobReply>(scope: DedicatedWorkerGlobalScope, options: ServeOptions<Req, Reply>): void {
  const post = options.post ?? postTo<Reply>(scope);
  holdLifeLock((lock) => scope.postMessage(frozen({ type: 'alive', lock })));
  let queue = Promise.resolve();
  scope.onmessage = ({ data }: MessageEvent<Req>) => {
    const work = (): Promise<void> =>
      Promise.resolve()
        .then(() => options.handle(data))
        .catch((error: unknown) => post(frozen({ type: 'failed', jobId: data.jobId, error: toErrorData(error) }) as Reply));
    if (options.ordered) queue = queue.then(work);
    else void work();
  };
}
