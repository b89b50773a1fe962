import type { RepoFile } from '../hub/list-repo-files.ts';
import type { FileKey, ModelStore, StoredFile } from '../store/model-store.ts';
import { AttemptError } from './attempt-error.ts';
import { fetchRange, sizeMismatch } from './fetch-range.ts';
import { integrityError } from './file-errors.ts';
import type { Hasher, HasherFactory, HashKind } from './hasher.ts';
import { bodyBatches } from './read-body.ts';
import { retryLoop } from './retry-loop.ts';
import type { RetryPolicy, RetryReason } from './retry-policy.ts';
import type { SpeedFloorPolicy } from './speed-floor.ts';
import type { StallGuard } from './stall-guard.ts';
import type { TaskEvent } from './task-pool.ts';
import { writeChunk } from './write-chunk.ts';

export interface DownloadFileParams {
  readonly repo: string;
  readonly commit: string;
  readonly file: RepoFile;
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
  readonly store: ModelStore;
  readonly createHasher: HasherFactory;
  readonly signal: AbortSignal;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A monotonic clock (ms) for speeds and pacing. */
  readonly now: () => number;
  /** The wall clock (ms since epoch) for HTTP dates such as Retry-After. */
  readonly wallNow: () => number;
  readonly random: () => number;
  /** @default DEFAULT_RETRY */
  readonly retry?: RetryPolicy;
  /** Silence on the network (no headers, no body bytes) that aborts an attempt. @default DEFAULT_STALL_MS */
  readonly stallTimeoutMs?: number;
  /** How slow an attempt may be for how long before it is dropped and retried. @default DEFAULT_SPEED_FLOOR */
  readonly speedFloor?: SpeedFloorPolicy;
  /** Lets queued messages (an abort) run; called every few ms of the chunk loop. */
  readonly yieldToEvents?: () => Promise<void>;
}

/** A file's events as the download pool reports them: bytes as deltas from `initial`, retries as they are. */
export async function* asTaskEvents(events: AsyncGenerator<FileEvent>, path: string, initial: number): AsyncGenerator<TaskEvent> {
  let last = initial;
  for await (const event of events) {
    if (event.type === 'retry') {
      yield { type: 'retry', path, reason: event.reason, delayMs: event.delayMs };
      continue;
    }
    yield { type: 'bytes', path, delta: event.onDisk - last };
    last = event.onDisk;
  }
}

/** huggingface_hub uses 10 s; a little more spares slow mobile links. */
export const DEFAULT_STALL_MS = 15_000;
/** Bytes written between flushes: a tab closed mid-download keeps at least what was flushed. */
const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;

/** What happens to one file: its bytes on disk grew, or an attempt failed and another follows. */
export type FileEvent =
  | { readonly type: 'bytes'; readonly onDisk: number }
  | { readonly type: 'retry'; readonly reason: RetryReason; readonly delayMs: number; readonly onDisk: number };

const PREFIX_CHUNK = 4 * 1024 * 1024;

/** Feed the bytes already on disk to a fresh hasher, so a resume verifies the whole file. */
async function hashPrefix(handle: StoredFile, length: number, hasher: Hasher): Promise<void> {
  for (let at = 0; at < length; at += PREFIX_CHUNK) {
    const chunk = new Uint8Array(Math.min(PREFIX_CHUNK, length - at));
    handle.read(chunk, at);
    await hasher.update(chunk);
  }
}

/** The bytes of a file on disk so far and the hash over them; replaced, never shared. */
interface Written {
  onDisk: number;
  hasher: Hasher;
}

export const hashKind = (file: RepoFile): HashKind => (file.sha256 ? 'sha256' : 'git-sha1');

/** Pick up what is on disk: too long means a different file, so start over; else hash the prefix. */
async function resume(handle: StoredFile, p: DownloadFileParams): Promise<Written> {
  let onDisk = handle.size();
  if (onDisk > p.file.size) handle.truncate((onDisk = 0));
  const hasher = await p.createHasher(hashKind(p.file), p.file.size);
  try {
    await hashPrefix(handle, onDisk, hasher);
  } catch (error) {
    hasher.dispose();
    throw error;
  }
  return { onDisk, hasher };
}

/** Drop the bytes on disk and their hash: the next bytes are the file's first. */
async function restart(handle: StoredFile, state: Written, p: DownloadFileParams): Promise<void> {
  handle.truncate((state.onDisk = 0));
  state.hasher.dispose();
  state.hasher = await p.createHasher(hashKind(p.file), p.file.size);
}

/** Write one response body, which ends at `end`, after what is on disk, hashing as it goes. */
async function* receive(body: ReadableStream<Uint8Array>, end: number, handle: StoredFile, state: Written, guard: StallGuard, p: DownloadFileParams): AsyncGenerator<FileEvent> {
  for await (const chunk of bodyBatches(body, guard, p, p.signal)) {
    const at = state.onDisk;
    if (at + chunk.byteLength > p.file.size) throw sizeMismatch(p.file.size, null, true);
    if (at + chunk.byteLength > end) throw new AttemptError({ kind: 'network' }, 'More bytes than the answer said');
    writeChunk(handle, chunk, at, p.repo, p.file.size - at);
    if (Math.floor((at + chunk.byteLength) / FLUSH_EVERY_BYTES) > Math.floor(at / FLUSH_EVERY_BYTES)) handle.flush();
    state.onDisk = at + chunk.byteLength;
    await state.hasher.update(chunk);
    yield { type: 'bytes', onDisk: state.onDisk };
  }
  // Short of `end` is a cut connection; short of the file's end is a server that sent less than
  // asked for, and the retry loop simply asks for the rest.
  if (state.onDisk < end) throw new AttemptError({ kind: 'network' }, 'The connection closed early');
}

export const resolveUrl = (p: Pick<DownloadFileParams, 'hubUrl' | 'repo' | 'commit' | 'file'>): string => `${p.hubUrl}/${p.repo}/resolve/${p.commit}/${p.file.path.split('/').map(encodeURIComponent).join('/')}`;

/** One request for the rest of the file, under its own stall watchdog. */
async function* attempt(handle: StoredFile, state: Written, guard: StallGuard, p: DownloadFileParams): AsyncGenerator<FileEvent> {
  const res = await fetchRange({
    url: resolveUrl(p),
    hubOrigin: new URL(p.hubUrl).origin,
    from: state.onDisk,
    size: p.file.size,
    accessToken: p.accessToken,
    fetch: p.fetch,
    signal: p.signal,
    guard,
    wallNow: p.wallNow,
  });
  if (res.start === 0 && state.onDisk > 0) await restart(handle, state, p);
  yield* receive(res.body, res.end, handle, state, guard, p);
}

/** Ask `resolve` (so an expired CDN URL is renewed) for the rest of the file until it is all on disk. */
function fetchRest(handle: StoredFile, state: Written, p: DownloadFileParams): AsyncGenerator<FileEvent> {
  return retryLoop<FileEvent>(
    { ...p, stallTimeoutMs: p.stallTimeoutMs ?? DEFAULT_STALL_MS },
    {
      path: p.file.path,
      url: resolveUrl(p),
      position: () => state.onDisk,
      done: () => state.onDisk >= p.file.size,
      attempt: (guard) => attempt(handle, state, guard, p),
      restart: () => restart(handle, state, p),
      retried: (reason, delayMs) => Object.freeze({ type: 'retry', reason, delayMs, onDisk: state.onDisk }),
    },
  );
}

/**
 * Download one file into the store: resume from the bytes on disk, stream each chunk to disk
 * and the hasher, retry with backoff, and verify against the hub's checksum at the end.
 * A file that fails verification is deleted. Yields the bytes on disk as they grow, and retries.
 */
export async function* downloadFile(p: DownloadFileParams): AsyncGenerator<FileEvent> {
  const key: FileKey = { repo: p.repo, commit: p.commit, path: p.file.path };
  const handle = await p.store.open(key);
  let closed = false;
  let state: Written | null = null;
  try {
    state = await resume(handle, p);
    yield { type: 'bytes', onDisk: state.onDisk };
    yield* fetchRest(handle, state, p);
    handle.flush();
    handle.close();
    closed = true;
    if ((await state.hasher.digest()) !== (p.file.sha256 ?? p.file.oid)) {
      await p.store.remove(key);
      throw integrityError(p.repo, p.file.path, hashKind(p.file) === 'sha256' ? 'sha256' : 'git blob');
    }
  } finally {
    if (!closed) handle.close();
    state?.hasher.dispose();
  }
}
