/// <reference lib="webworker" />
import { createWasmHasher } from '../core/download/wasm-hasher.ts';
import type { Hasher } from '../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../core/download/hash-protocol.ts';
import { StudioError } from '../core/errors.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';

/**
 * Hashes off the download thread: the renderer is CPU-bound, and hashing where the bytes are
 * fetched halves throughput (FACTS.md). Messages of one hash are handled in order.
 */
declare const self: DedicatedWorkerGlobalScope;

const hashers = new Map<string, { hasher: Promise<Hasher>; size: number; done: number }>();
const post = postTo<HashReply>(self);

async function step(request: HashRequest): Promise<void> {
  const { jobId } = request;
  const hash = hashers.get(jobId);
  switch (request.type) {
    case 'start':
      hashers.set(jobId, { hasher: createWasmHasher(request.kind, request.size), size: request.size, done: 0 });
      return;
    case 'update':
      if (!hash) return;
      await (await hash.hasher).update(new Uint8Array(request.chunk));
      hash.done += request.chunk.byteLength;
      return post({ type: 'progress', jobId, progress: { done: hash.done, total: hash.size, unit: 'bytes' } });
    case 'cancel':
      hashers.delete(jobId);
      return post({ type: 'cancelled', jobId });
    case 'digest':
      hashers.delete(jobId);
      return post({ type: 'result', jobId, result: { hex: hash ? await (await hash.hasher).digest() : '' } });
    default:
      request satisfies never;
  }
}

serveJobs<HashRequest, HashReply>(self, {
  post,
  ordered: true,
  handle: (request) =>
    step(request).catch((error: unknown) => {
      // A hash that failed once is wrong from then on: forget it; the download says what to do.
      hashers.delete(request.jobId);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StudioError({ code: 'crashed', message: `Checking the downloaded bytes failed: ${reason}. The bytes downloaded so far are kept: press Resume.` });
    }),
});
