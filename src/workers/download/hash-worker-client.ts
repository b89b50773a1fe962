import type { Hasher, HasherFactory } from '../../core/download/hasher.ts';
import { StudioError } from '../../core/errors.ts';
import type { HashReply, HashRequest } from '../../core/hash-protocol.ts';

/** Bytes sent to the hash worker and not yet hashed, before `update` waits. Keeps memory flat. */
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

/** Calls `ondeath` once whoever holds `lock` is gone, however it went (a Web Lock the worker holds for its life). */
export type WatchLife = (lock: string, ondeath: () => void) => void;

/** One hash in the worker, seen from here: its backpressure, its waiters, and its failure once it failed. */
interface Pending {
  inFlight: number;
  wake: (() => void) | null;
  digest: ((hex: string) => void) | null;
  failed: Error | null;
  rejectWaiters: (error: Error) => void;
}

/** One hash worker and the hashes it holds; replaced by a fresh one when it dies. */
interface Connection {
  readonly worker: Worker;
  readonly pending: Map<string, Pending>;
  dead: boolean;
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

function receive(pending: Map<string, Pending>, reply: Exclude<HashReply, { type: 'alive' }>): void {
  const state = pending.get(reply.jobId);
  if (!state) return;
  if (reply.type === 'ack') {
    state.inFlight -= reply.bytes;
    if (state.inFlight <= MAX_IN_FLIGHT) state.wake?.();
  } else if (reply.type === 'digest') {
    pending.delete(reply.jobId);
    state.digest?.(reply.hex);
  } else {
    pending.delete(reply.jobId);
    fail(state, new StudioError({ code: 'crashed', message: `Checking the downloaded bytes failed: ${reply.error.message}. The bytes downloaded so far are kept: press Resume.` }));
  }
}

/** Waits for the worker to catch up; rejects, instead of hanging, if the hash fails meanwhile. */
function backpressure(state: Pending): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    state.wake = resolve;
    state.rejectWaiters = reject;
  }).finally(() => (state.wake = null));
}

function makeHasher(jobId: string, state: Pending, send: (m: HashRequest, t?: Transferable[]) => void, forget: () => boolean): Hasher {
  return {
    async update(chunk) {
      if (state.failed) throw state.failed;
      const buffer = transferable(chunk);
      state.inFlight += buffer.byteLength;
      send({ type: 'update', jobId, chunk: buffer }, [buffer]);
      if (state.inFlight > MAX_IN_FLIGHT) await backpressure(state);
    },
    digest() {
      if (state.failed) return Promise.reject(state.failed);
      return new Promise<string>((resolve, reject) => {
        state.digest = resolve;
        state.rejectWaiters = reject;
        send({ type: 'digest', jobId });
      });
    },
    dispose() {
      if (!forget()) return;
      send({ type: 'free', jobId });
      fail(state, new Error('Hash disposed'));
    },
  };
}

/** Every hash under way fails with a message a person can act on; the next hash gets a fresh worker. */
function die(connection: Connection, why: string): void {
  if (connection.dead) return;
  connection.dead = true;
  const error = new StudioError({ code: 'crashed', message: `The worker that checks downloaded bytes stopped (${why}). The bytes downloaded so far are kept: press Resume.` });
  for (const state of connection.pending.values()) fail(state, error);
  connection.pending.clear();
  connection.worker.terminate();
}

function connect(spawn: () => Worker, watchLife: WatchLife): Connection {
  const connection: Connection = { worker: spawn(), pending: new Map(), dead: false };
  connection.worker.onmessage = ({ data }: MessageEvent<HashReply>) => {
    if (data.type === 'alive') watchLife(data.lock, () => die(connection, 'it was closed or crashed'));
    else receive(connection.pending, data);
  };
  connection.worker.onerror = (event: ErrorEvent) => die(connection, event.message || 'a script error');
  return connection;
}

/** A HasherFactory whose hashing runs in a worker from `spawn` (`hash.worker.ts`), watched for its death and replaced after it. */
export function hashWorkerHashers(spawn: () => Worker, watchLife: WatchLife): HasherFactory {
  let current: Connection | null = null;
  let nextId = 1;
  return async (kind, size) => {
    if (!current || current.dead) current = connect(spawn, watchLife);
    const { pending, worker } = current;
    const jobId = `hash-${nextId++}`;
    const state: Pending = { inFlight: 0, wake: null, digest: null, failed: null, rejectWaiters: () => undefined };
    pending.set(jobId, state);
    const send = (message: HashRequest, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
    send({ type: 'start', jobId, kind, size });
    return makeHasher(jobId, state, send, () => pending.delete(jobId));
  };
}
