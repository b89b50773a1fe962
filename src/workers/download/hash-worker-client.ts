import type { Hasher, HasherFactory } from '../../core/download/hasher.ts';
import type { HashReply, HashRequest } from '../../core/hash-protocol.ts';

/** Bytes sent to the hash worker and not yet hashed, before `update` waits. Keeps memory flat. */
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

interface Pending {
  inFlight: number;
  wake: (() => void) | null;
  digest: ((hex: string) => void) | null;
  fail: ((error: Error) => void) | null;
}

/** The chunk's own buffer when it can be moved, else a copy: the caller is done with it either way. */
function transferable(chunk: Uint8Array): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return whole ? (chunk.buffer as ArrayBuffer) : chunk.slice().buffer;
}

/** A HasherFactory whose hashing runs in the given worker (`hash.worker.ts`). */
export function hashWorkerHashers(worker: Worker): HasherFactory {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const send = (message: HashRequest, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    const reply = event.data;
    const state = pending.get(reply.id);
    if (!state) return;
    if (reply.type === 'ack') {
      state.inFlight -= reply.bytes;
      if (state.inFlight <= MAX_IN_FLIGHT) state.wake?.();
    } else if (reply.type === 'digest') {
      pending.delete(reply.id);
      state.digest?.(reply.hex);
    } else state.fail?.(new Error(`Hashing failed: ${reply.message}`));
  };
  return async (kind, size) => {
    const id = nextId++;
    const state: Pending = { inFlight: 0, wake: null, digest: null, fail: null };
    pending.set(id, state);
    send({ type: 'start', id, kind, size });
    const hasher: Hasher = {
      async update(chunk) {
        const buffer = transferable(chunk);
        state.inFlight += buffer.byteLength;
        send({ type: 'update', id, chunk: buffer }, [buffer]);
        if (state.inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
      },
      digest: () =>
        new Promise<string>((resolve, reject) => {
          state.digest = resolve;
          state.fail = reject;
          send({ type: 'digest', id });
        }),
    };
    return hasher;
  };
}
