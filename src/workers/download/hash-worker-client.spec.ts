import { describe, expect, it } from 'vitest';
import { createWasmHasher } from '../../core/download/wasm-hasher.ts';
import type { HashReply, HashRequest } from '../../core/hash-protocol.ts';
import { hashWorkerHashers } from './hash-worker-client.ts';

/** The hash worker's side of the protocol in this thread (real hashing), with a life that can end. */
class InThreadHashWorker {
  onmessage: ((event: MessageEvent<HashReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly #hashers = new Map<string, ReturnType<typeof createWasmHasher>>();

  constructor(readonly lock: string) {
    queueMicrotask(() => this.#reply({ type: 'alive', lock }));
  }

  postMessage(request: HashRequest): void {
    if (this.terminated) return;
    void this.#handle(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  async #handle(request: HashRequest): Promise<void> {
    if (request.type === 'start') this.#hashers.set(request.jobId, createWasmHasher(request.kind, request.size));
    else if (request.type === 'update') {
      await (await this.#hashers.get(request.jobId))!.update(new Uint8Array(request.chunk));
      this.#reply({ type: 'ack', jobId: request.jobId, bytes: request.chunk.byteLength });
    } else if (request.type === 'digest') this.#reply({ type: 'digest', jobId: request.jobId, hex: await (await this.#hashers.get(request.jobId))!.digest() });
  }

  #reply(reply: HashReply): void {
    if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<HashReply>);
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
        return worker as unknown as Worker;
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
