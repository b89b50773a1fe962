import { describe, expect, it } from 'vitest';
import { createWasmHasher } from '../../core/download/wasm-hasher.ts';
import type { HashReply, HashRequest } from '../../core/download/hash-protocol.ts';
import type { JobWorker } from '../shared/job-owner.ts';
import { hashWorkerHashers } from './hash-worker-client.ts';

/** The hash worker's side of the protocol in this thread (real hashing), with a life that can end. */
class InThreadHashWorker {
  terminated = false;
  readonly #listeners: ((event: MessageEvent<HashReply | { type: 'alive'; lock: string }>) => void)[] = [];
  readonly #hashers = new Map<string, { hasher: ReturnType<typeof createWasmHasher>; done: number }>();
  #queue = Promise.resolve();

  constructor(readonly lock: string) {
    queueMicrotask(() => this.#reply({ type: 'alive', lock }));
  }

  addEventListener(type: string, listener: (event: MessageEvent<HashReply | { type: 'alive'; lock: string }>) => void): void {
    if (type === 'message') this.#listeners.push(listener);
  }

  postMessage(request: HashRequest): void {
    if (!this.terminated) this.#queue = this.#queue.then(() => this.#handle(request));
  }

  terminate(): void {
    this.terminated = true;
  }

  async #handle(request: HashRequest): Promise<void> {
    const hash = this.#hashers.get(request.jobId);
    if (request.type === 'start') this.#hashers.set(request.jobId, { hasher: createWasmHasher(request.kind, request.size), done: 0 });
    else if (request.type === 'update' && hash) {
      await (await hash.hasher).update(new Uint8Array(request.chunk));
      hash.done += request.chunk.byteLength;
      this.#reply({ type: 'progress', jobId: request.jobId, progress: { done: hash.done, total: 3, unit: 'bytes' } });
    } else if (request.type === 'digest' && hash) this.#reply({ type: 'result', jobId: request.jobId, result: { hex: await (await hash.hasher).digest() } });
  }

  #reply(reply: HashReply | { type: 'alive'; lock: string }): void {
    if (!this.terminated) this.#listeners.forEach((l) => l({ data: reply } as MessageEvent<HashReply>));
  }
}

describe('hashWorkerHashers', () => {
  it('fails the hashes under way when the worker dies, with a message to Resume, and hashes the next file in a fresh worker', async () => {
    const workers: InThreadHashWorker[] = [];
    const deaths = new Map<string, () => void>();
    const factory = hashWorkerHashers(
      () => {
        const worker = new InThreadHashWorker(`lock-${workers.length}`);
        workers.push(worker);
        return worker as unknown as JobWorker<HashRequest, HashReply>;
      },
      (lock, ondeath) => void deaths.set(lock, ondeath),
    );
    const first = await factory('sha256', 3);
    await first.update(new Uint8Array([1, 2, 3]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const digest = first.digest();
    workers[0].terminate(); // the worker is gone before it answers: only its lock says so
    deaths.get('lock-0')!();
    await expect(digest).rejects.toThrow(/The worker that checks downloaded bytes stopped.*press Resume/);
    await expect(first.update(new Uint8Array([4]))).rejects.toThrow(/stopped/);

    const second = await factory('sha256', 3);
    expect(workers).toHaveLength(2);
    await second.update(new Uint8Array([1, 2, 3]));
    expect(await second.digest()).toBe('039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81');
  });
});
