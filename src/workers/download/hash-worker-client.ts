import type { Hasher, HasherFactory } from '../../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../../core/download/hash-protocol.ts';
import { StudioError } from '../../core/errors.ts';
import { JobOwner, type JobWorker, type WatchLife } from '../shared/job-owner.ts';

/** Bytes sent to the hash worker and not yet hashed, before `update` waits. Keeps memory flat. */
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

/** One hash in the worker, seen from here: its backpressure, its waiters, and its failure once it failed. */
interface Pending {
  sent: number;
  hashed: number;
  wake: (() => void) | null;
  digest: ((hex: string) => void) | null;
  failed: Error | null;
  rejectWaiters: (error: Error) => void;
}

/** The chunk's own buffer when it can be moved, else a copy: the caller is done with it either way. */
function transferable(chunk: Uint8Array): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return whole ? (chunk.buffer as ArrayBuffer) : chunk.slice().buffer;
}

function receive(state: Pending, reply: HashReply): void {
  if (reply.type === 'progress') {
    state.hashed = reply.progress.done;
    if (state.sent - state.hashed <= MAX_IN_FLIGHT) state.wake?.();
  } else if (reply.type === 'result') state.digest?.(reply.result.hex);
  else if (reply.type === 'failed') {
    state.failed = new StudioError(reply.error);
    state.rejectWaiters(state.failed);
  }
}

/** Waits for the worker to catch up; rejects, instead of hanging, if the hash fails meanwhile. */
function backpressure(state: Pending): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    state.wake = resolve;
    state.rejectWaiters = reject;
  }).finally(() => (state.wake = null));
}

function makeHasher(jobId: string, state: Pending, jobs: JobOwner<HashRequest, HashReply>): Hasher {
  return {
    async update(chunk) {
      if (state.failed) throw state.failed;
      const buffer = transferable(chunk);
      state.sent += buffer.byteLength;
      jobs.send({ type: 'update', jobId, chunk: buffer }, [buffer]);
      if (state.sent - state.hashed > MAX_IN_FLIGHT) await backpressure(state);
    },
    digest() {
      if (state.failed) return Promise.reject(state.failed);
      return new Promise<string>((resolve, reject) => {
        state.digest = resolve;
        state.rejectWaiters = reject;
        jobs.send({ type: 'digest', jobId });
      });
    },
    dispose() {
      if (state.failed || state.digest) return;
      jobs.send({ type: 'cancel', jobId });
      state.failed = new Error('Hash disposed');
      state.rejectWaiters(state.failed);
    },
  };
}

/**
 * A HasherFactory whose hashing runs in a worker from `spawn` (`hash.worker.ts`), through its job
 * owner: a hash is a job, its death fails every hash under way (bytes kept, Resume) and the next
 * hash gets a fresh worker.
 */
export function hashWorkerHashers(spawn: () => JobWorker<HashRequest, HashReply>, watchLife: WatchLife): HasherFactory {
  const jobs = new JobOwner<HashRequest, HashReply>({ spawn, watchLife, name: 'The worker that checks downloaded bytes' });
  return async (kind, size) => {
    const state: Pending = { sent: 0, hashed: 0, wake: null, digest: null, failed: null, rejectWaiters: () => undefined };
    const jobId = jobs.run({ type: 'start', kind, size }, { onreply: (reply) => receive(state, reply), advice: 'The bytes downloaded so far are kept: press Resume.' });
    return makeHasher(jobId, state, jobs);
  };
}
