import type { RepoFile } from '../hub/list-repo-files.ts';
import type { FileKey, ModelStore, StoredFile } from '../store/model-store.ts';
import { AttemptError, isAbort, isQuotaError } from './attempt-error.ts';
import { fetchRange } from './fetch-range.ts';
import { giveUpError, integrityError, quotaError } from './file-errors.ts';
import type { Hasher, HasherFactory, HashKind } from './hasher.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retry-policy.ts';

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
  readonly now: () => number;
  readonly random: () => number;
  /** @default DEFAULT_RETRY */
  readonly retry?: RetryPolicy;
  /** Lets queued messages (an abort) run; called every few ms of the chunk loop. */
  readonly yieldToEvents?: () => Promise<void>;
}

/** How long the chunk loop may run before it lets queued messages in. */
const YIELD_EVERY_MS = 5;
/** Bytes written between flushes: a tab closed mid-download keeps at least what was flushed. */
const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;
/** Network chunks are ~64 KiB; writing and hashing them in 1 MiB batches costs far fewer calls. */
const BATCH_BYTES = 1024 * 1024;

/** Bytes of this file on disk so far; yielded after every chunk written. */
export type FileBytes = number;

const PREFIX_CHUNK = 4 * 1024 * 1024;

/** Feed the bytes already on disk to a fresh hasher, so a resume verifies the whole file. */
async function hashPrefix(handle: StoredFile, length: number, hasher: Hasher): Promise<void> {
  for (let at = 0; at < length; at += PREFIX_CHUNK) {
    const chunk = new Uint8Array(Math.min(PREFIX_CHUNK, length - at));
    handle.read(chunk, at);
    await hasher.update(chunk);
  }
}

function write(handle: StoredFile, chunk: Uint8Array, at: number, p: DownloadFileParams): void {
  try {
    handle.write(chunk, at);
  } catch (error) {
    if (isQuotaError(error)) throw quotaError(p.repo, p.file.size - at);
    throw error;
  }
}

/** The bytes of a file on disk so far and the hash over them; replaced, never shared. */
interface Written {
  onDisk: number;
  hasher: Hasher;
}

const hashKind = (file: RepoFile): HashKind => (file.sha256 ? 'sha256' : 'git-sha1');

/** Pick up what is on disk: too long means a different file, so start over; else hash the prefix. */
async function resume(handle: StoredFile, p: DownloadFileParams): Promise<Written> {
  let onDisk = handle.size();
  if (onDisk > p.file.size) handle.truncate((onDisk = 0));
  const hasher = await p.createHasher(hashKind(p.file), p.file.size);
  await hashPrefix(handle, onDisk, hasher);
  return { onDisk, hasher };
}

/** Write one response body at the end of what is on disk, hashing as it goes. */
async function* receive(body: ReadableStream<Uint8Array>, handle: StoredFile, state: Written, p: DownloadFileParams): AsyncGenerator<FileBytes> {
  let lastYield = p.now();
  for await (const chunk of batched(readChunks(body, p.signal), BATCH_BYTES)) {
    const at = state.onDisk;
    if (at + chunk.byteLength > p.file.size) throw new AttemptError({ kind: 'network' }, 'More bytes than the listing says');
    write(handle, chunk, at, p);
    if (Math.floor((at + chunk.byteLength) / FLUSH_EVERY_BYTES) > Math.floor(at / FLUSH_EVERY_BYTES)) handle.flush();
    state.onDisk = at + chunk.byteLength;
    await state.hasher.update(chunk);
    yield state.onDisk;
    if (p.yieldToEvents && p.now() - lastYield >= YIELD_EVERY_MS) {
      await p.yieldToEvents();
      p.signal.throwIfAborted();
      lastYield = p.now();
    }
  }
  if (state.onDisk < p.file.size) throw new AttemptError({ kind: 'network' }, 'The connection closed early');
}

/** Ask `resolve` (so an expired CDN URL is renewed) for the rest of the file until it is all on disk. */
async function* fetchRest(handle: StoredFile, state: Written, p: DownloadFileParams): AsyncGenerator<FileBytes> {
  const url = `${p.hubUrl}/${p.repo}/resolve/${p.commit}/${p.file.path.split('/').map(encodeURIComponent).join('/')}`;
  // If-Range only with an ETag this server sent: CDNs (Xet) do not all use the sha256 as ETag, and a
  // guessed one that does not match would turn every resume into a full download. The URL is pinned
  // to a commit and the bytes are verified, so a resume without If-Range is still safe.
  let etag: string | null = null;
  let failures = 0;
  while (state.onDisk < p.file.size) {
    const before = state.onDisk;
    try {
      const res = await fetchRange({ url, hubOrigin: new URL(p.hubUrl).origin, from: state.onDisk, etag, accessToken: p.accessToken, fetch: p.fetch, signal: p.signal, now: p.now });
      etag = res.etag ?? etag;
      if (res.start === 0 && state.onDisk > 0) {
        handle.truncate((state.onDisk = 0));
        state.hasher = await p.createHasher(hashKind(p.file), p.file.size);
      }
      yield* receive(res.body, handle, state, p);
    } catch (error) {
      if (isAbort(error, p.signal) || !(error instanceof AttemptError || error instanceof TypeError)) throw error;
      failures = state.onDisk > before ? 1 : failures + 1;
      const delay = retryDelay(failures, error instanceof AttemptError ? error.failure : { kind: 'network' }, p.retry ?? DEFAULT_RETRY, p.random);
      if (delay === null) throw giveUpError(error, p.repo, p.file.path, url);
      await p.sleep(delay, p.signal);
    }
  }
}

/**
 * Download one file into the store: resume from the bytes on disk, stream each chunk to disk
 * and the hasher, retry with backoff, and verify against the hub's checksum at the end.
 * A file that fails verification is deleted. Yields the bytes on disk as they grow.
 */
export async function* downloadFile(p: DownloadFileParams): AsyncGenerator<FileBytes> {
  const key: FileKey = { repo: p.repo, commit: p.commit, path: p.file.path };
  const handle = await p.store.open(key);
  let closed = false;
  try {
    const state = await resume(handle, p);
    yield state.onDisk;
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
  }
}

function concat(parts: readonly Uint8Array[], bytes: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Chunks joined into batches of at least `size` bytes; what arrived before a failure is still yielded. */
async function* batched(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const chunk of source) {
      parts.push(chunk);
      bytes += chunk.byteLength;
      if (bytes < size) continue;
      yield concat(parts, bytes);
      [parts, bytes] = [[], 0];
    }
  } catch (error) {
    if (bytes > 0) yield concat(parts, bytes);
    throw error;
  }
  if (bytes > 0) yield concat(parts, bytes);
}

/** The body's chunks; a network failure mid-body becomes an AttemptError so it is retried. */
async function* readChunks(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw new AttemptError({ kind: 'network' }, error instanceof Error ? error.message : String(error));
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stopping early (abort, disk error) must also stop the network transfer.
    await reader.cancel().catch(() => undefined);
  }
}
