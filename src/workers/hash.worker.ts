/// <reference lib="webworker" />
import { createWasmHasher } from '../core/download/wasm-hasher.ts';
import type { Hasher } from '../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../core/hash-protocol.ts';
import { holdLifeLock } from './shared/hold-life-lock.ts';

/**
 * Hashes off the download thread: the renderer is CPU-bound, and hashing where the bytes are
 * fetched halves throughput (FACTS.md). Messages of one hash are handled in order.
 */
declare const self: DedicatedWorkerGlobalScope;

const hashers = new Map<string, Promise<Hasher>>();
const reply = (message: HashReply): void => self.postMessage(Object.freeze(message));

async function handle(request: HashRequest): Promise<void> {
  switch (request.type) {
    case 'start':
      hashers.set(request.jobId, createWasmHasher(request.kind, request.size));
      return;
    case 'update':
      await (await hashers.get(request.jobId))?.update(new Uint8Array(request.chunk));
      return reply({ type: 'ack', jobId: request.jobId, bytes: request.chunk.byteLength });
    case 'free':
      hashers.delete(request.jobId);
      return;
    case 'digest': {
      const hasher = await hashers.get(request.jobId);
      hashers.delete(request.jobId);
      return reply({ type: 'digest', jobId: request.jobId, hex: (await hasher?.digest()) ?? '' });
    }
    default:
      request satisfies never;
  }
}

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<HashRequest>) => {
  const request = event.data;
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      // A hash that failed once is wrong from then on: forget it, and let the client reject its waiters.
      hashers.delete(request.jobId);
      reply({ type: 'error', jobId: request.jobId, error: { code: 'crashed', message: String(error) } });
    });
};

holdLifeLock((lock) => reply({ type: 'alive', lock }));
