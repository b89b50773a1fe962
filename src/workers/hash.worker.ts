/// <reference lib="webworker" />
import { createWasmHasher } from '../core/download/wasm-hasher.ts';
import type { Hasher } from '../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../core/hash-protocol.ts';

/**
 * Hashes off the download thread: the renderer is CPU-bound, and hashing where the bytes are
 * fetched halves throughput (FACTS.md). Messages of one hash are handled in order.
 */
declare const self: DedicatedWorkerGlobalScope;

const hashers = new Map<number, Promise<Hasher>>();
const reply = (message: HashReply): void => self.postMessage(Object.freeze(message));

async function handle(request: HashRequest): Promise<void> {
  switch (request.type) {
    case 'start':
      hashers.set(request.id, createWasmHasher(request.kind, request.size));
      return;
    case 'update':
      await (await hashers.get(request.id))?.update(new Uint8Array(request.chunk));
      return reply({ type: 'ack', id: request.id, bytes: request.chunk.byteLength });
    case 'free':
      hashers.delete(request.id);
      return;
    case 'digest': {
      const hasher = await hashers.get(request.id);
      hashers.delete(request.id);
      return reply({ type: 'digest', id: request.id, hex: (await hasher?.digest()) ?? '' });
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
      hashers.delete(request.id);
      reply({ type: 'error', id: request.id, message: String(error) });
    });
};
