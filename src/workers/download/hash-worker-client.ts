import type { Hasher, HasherFactory } from '../../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../../core/hash-protocol.ts';

/** Bytes sent to the hash worker and not yet hashed, before `update` waits. Keeps memory flat. */
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

/** One hash in the worker, seen from here: its backpressure, its waiters, and its failure once it failed. */
interface Pending {
  inFlight: number;
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

function fail(state: Pending, error: Error): void {
  state.failed = error;
  state.rejectWaiters(error);
}

function receive(pending: Map<number, Pending>, reply: HashReply): void {
  const state = pending.get(reply.id);
  if (!state) return;
  if (reply.type === 'ack') {
    state.inFlight -= reply.bytes;
    if (state.inFlight <= MAX_IN_FLIGHT) state.wake?.();
  } else if (reply.type === 'digest') {
    pending.delete(reply.id);
    state.digest?.(reply.hex);
  } else {
    pending.delete(reply.id);
    fail(state, new Error(`Hashing failed: ${reply.message}`));
  }
}

/** Waits for the worker to catch up; rejects, instead of hanging, if the hash fails meanwhile. */
function backpressure(state: Pending): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    state.wake = resolve;
    state.rejectWaiters = reject;
  }).finally(() => (state.wake = null));
}

function makeHasher(id: number, state: Pending, send: (m: HashRequest, t?: Transferable[]) => void, forget: () => boolean): Hasher {
  return {
    async update(chunk) {
      if (state.failed) throw state.failed;
      const buffer = transferable(chunk);
      state.inFlight += buffer.byteLength;
      send({ type: 'update', id, chunk: buffer }, [buffer]);
      if (state.inFlight > MAX_IN_FLIGHT) await backpressure(state);
    },
    digest() {
      if (state.failed) return Promise.reject(state.failed);
      return new Promise<string>((resolve, reject) => {
        state.digest = resolve;
        state.rejectWaiters = reject;
        send({ type: 'digest', id });
      });
    },
    dispose() {
      if (!forget()) return;
      send({ type: 'free', id });
      fail(state, new Error('Hash disposed'));
    },
  };
}

/** A HasherFactory whose hashing runs in the given worker (`hash.worker.ts`). */
export function hashWorkerHashers(worker: Worker): HasherFactory {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const send = (message: HashRequest, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<HashReply>) => receive(pending, event.data);
  // A crashed hash worker fails every hash under way, rather than leaving downloads waiting forever.
  worker.onerror = (event: ErrorEvent) => {
    for (const state of pending.values()) fail(state, new Error(`The hash worker failed: ${event.message}`));
    pending.clear();
  };
  return async (kind, size) => {
    const id = nextId++;
    const state: Pending = { inFlight: 0, wake: null, digest: null, failed: null, rejectWaiters: () => undefined };
    pending.set(id, state);
    send({ type: 'start', id, kind, size });
    return makeHasher(id, state, send, () => pending.delete(id));
  };
}
