import type { RepoFile } from '../hub/list-repo-files.ts';
import { resolveUrl } from '../hub/resolve-url.ts';
import { planRanges, trustedWritten, contiguousPrefix, type ByteRange } from '../plan/byte-ranges.ts';
import type { FileKey, StoredFile } from '../store/model-store.ts';
import { AttemptError } from './attempt-error.ts';
import { fetchRange, sizeMismatch, type RangeResponse } from './fetch-range.ts';
import { integrityError } from './file-errors.ts';
import { checksumOf, hashKind } from './hash-kind.ts';
import { OrderedHash } from './ordered-hash.ts';
import { bodyBatches } from './read-body.ts';
import { retryLoop } from './retry-loop.ts';
import type { StallGuard } from './stall-guard.ts';
import type { PoolTask, TaskEvent } from './task-pool.ts';
import type { NetworkContext, StorageContext, TransferPolicies } from './transfer-context.ts';
import { writeChunk } from './write-chunk.ts';

export interface FileTransferParams {
  readonly repo: string;
  readonly commit: string;
  readonly file: RepoFile;
  readonly net: NetworkContext;
  readonly storage: StorageContext;
  readonly policies: TransferPolicies;
  /** How long each range is (the last one shorter). */
  readonly rangeBytes: number;
  /** Bytes of each range on disk as the pending record has them; undefined when the file is contiguous on disk. */
  readonly recorded: readonly number[] | undefined;
  /** Persist the ranges' progress (after a flush), or forget it (the file became contiguous). */
  readonly checkpoint: (path: string, written: readonly number[] | undefined) => Promise<void>;
}

const MiB = 1024 * 1024;
/** Bytes of a range between flushes and progress records (what a closed tab can lose of it at most): a quarter of it, 1–4 MiB. */
const checkpointEvery = (rangeBytes: number): number => Math.min(4 * MiB, Math.max(MiB, Math.floor(rangeBytes / 4)));

/** The server ignored Range for one of several ranges: the file must come as one whole stream. */
class WholeAnswer extends Error {}

/**
 * One file as a list of byte ranges fetched at once (a small file is one range; a server that
 * ignores Range turns the file into one range, restarted), each written at its offset and hashed
 * in order; its `tasks` go into the download pool. One path resumes, restarts, hashes and
 * verifies every file: bytes rewritten below the hashed edge are hashed again from the start.
 */
export class FileTransfer {
  readonly #p: FileTransferParams;
  readonly #key: FileKey;
  readonly #handle: StoredFile;
  readonly #hash: OrderedHash;
  /** Aborts the other ranges when one of them finds the server ignores Range. */
  #siblings = new AbortController();
  /** Bytes of a restarted range that progress still counts: taken back before its next bytes. */
  readonly #unreported: number[] = [];
  #ranges: readonly ByteRange[];
  #written: number[];
  #left: number;
  #collapsed = false;
  #closed = false;

  private constructor(p: FileTransferParams, handle: StoredFile, hash: (ready: () => number) => OrderedHash) {
    this.#p = p;
    this.#key = { repo: p.repo, commit: p.commit, path: p.file.path };
    this.#ranges = planRanges(p.file.size, p.rangeBytes);
    if (handle.size() > p.file.size) handle.truncate(0); // longer than the file can be: another file's bytes
    this.#written = [...trustedWritten(this.#ranges, this.#contiguous ? undefined : p.recorded, handle.size())];
    this.#handle = handle;
    this.#hash = hash(() => contiguousPrefix(this.#ranges, this.#written));
    this.#left = this.#openRanges().length;
  }

  static async open(p: FileTransferParams): Promise<FileTransfer> {
    const handle = await p.storage.store.open({ repo: p.repo, commit: p.commit, path: p.file.path });
    try {
      const hasher = await p.storage.createHasher(hashKind(p.file), p.file.size);
      const file = new FileTransfer(p, handle, (ready) => new OrderedHash(handle, hasher, ready));
      if (!file.#contiguous) await p.checkpoint(p.file.path, file.#written); // before any range writes: a gap on disk is never read as data
      void file.#hash.settled().catch(() => undefined); // re-hash what a resume found, while the ranges start
      return file;
    } catch (error) {
      handle.close();
      throw error;
    }
  }

  /** Bytes of this file on disk now. */
  get loaded(): number {
    return this.#written.reduce((a, b) => a + b, 0);
  }

  get tasks(): readonly PoolTask[] {
    const open = this.#openRanges();
    if (open.length === 0) return [{ run: () => this.#finishOnly() }];
    return open.map((i) => ({ run: (signal: AbortSignal) => this.#runRange(i, signal) }));
  }

  /** Close the file; when it is not verified yet, flush it first and record how far each range got, so Resume fetches only the rest. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#handle.flush();
    this.#handle.close();
    this.#hash.dispose();
    if (!this.#contiguous && this.#left > 0) await this.#p.checkpoint(this.#p.file.path, [...this.#written]);
  }

  /** One range: its disk size is its progress, so it keeps no record. */
  get #contiguous(): boolean {
    return this.#ranges.length === 1;
  }

  #openRanges(): number[] {
    return this.#ranges.flatMap((r, i) => (this.#written[i] < r.end - r.start ? [i] : []));
  }

  async *#finishOnly(): AsyncGenerator<TaskEvent> {
    await this.#verify();
  }

  async *#runRange(i: number, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    const plan = this.#ranges;
    try {
      yield* this.#fetchRange(i, AbortSignal.any([signal, this.#siblings.signal]));
    } catch (error) {
      if (error instanceof WholeAnswer && !this.#collapsed) {
        yield* this.#collapse();
        return yield* this.#runRange(0, signal);
      }
      if (this.#collapsed && !signal.aborted) return; // the whole-file stream brings these bytes
      throw error;
    }
    if (plan !== this.#ranges) return; // finished just as the file became one stream: that stream counts, not this range
    if (!this.#contiguous) await this.#p.checkpoint(this.#p.file.path, [...this.#written]);
    if (--this.#left === 0) await this.#verify();
  }

  #fetchRange(i: number, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    const path = this.#p.file.path;
    return retryLoop<TaskEvent>(
      { ...this.#p.net, ...this.#p.policies, repo: this.#p.repo, signal },
      {
        path,
        url: this.#url,
        position: () => this.#written[i],
        done: () => this.#written[i] >= this.#ranges[i].end - this.#ranges[i].start,
        attempt: (guard) => this.#attempt(i, guard, signal),
        restart: () => this.#restart(i),
        retried: (reason, delayMs) => Object.freeze({ type: 'retry', path, reason, delayMs }),
      },
    );
  }

  get #url(): string {
    return resolveUrl(this.#p.net.hubUrl, this.#p.repo, this.#p.commit, this.#p.file.path);
  }

  /** Fetch the range again from its start: its bytes are rewritten in place, and hashed again if they were already. */
  async #restart(i: number): Promise<void> {
    this.#unreported[i] = (this.#unreported[i] ?? 0) + this.#written[i];
    this.#written[i] = 0;
    if (this.#contiguous) this.#handle.truncate(0); // no record: stale bytes past the edge would read as progress
    await this.#hash.rewind(this.#ranges[i].start, () => this.#p.storage.createHasher(hashKind(this.#p.file), this.#p.file.size));
  }

  async #request(i: number, guard: StallGuard, signal: AbortSignal): Promise<RangeResponse> {
    const range = this.#ranges[i];
    const { net, file } = this.#p;
    const end = this.#contiguous ? undefined : range.end - 1; // one range asks for the rest (`bytes=N-`)
    const from = range.start + this.#written[i];
    const res = await fetchRange({ ...net, url: this.#url, hubOrigin: new URL(net.hubUrl).origin, from, end, size: file.size, signal, guard }).catch((error: unknown) => {
      // Unverifiable even from the range's start: the CDN hides what would check it, and only a whole-file stream (a 200) can be placed.
      if (error instanceof AttemptError && error.failure.kind === 'unverifiable-range' && !this.#contiguous && from === range.start) throw new WholeAnswer(`${file.path}: ${error.message}`);
      throw error;
    });
    if (!res.whole || res.start === from) return res;
    if (!this.#contiguous) {
      await res.body.cancel().catch(() => undefined);
      throw new WholeAnswer(`${file.path}: the server sent the whole file for a range`);
    }
    await this.#restart(i); // the whole file came back for a resume: it starts over
    return res;
  }

  async *#attempt(i: number, guard: StallGuard, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    const res = await this.#request(i, guard, signal);
    const plan = this.#ranges;
    if (this.#unreported[i]) yield { type: 'bytes', path: this.#p.file.path, delta: -this.#unreported[i] };
    this.#unreported[i] = 0;
    const start = this.#ranges[i].start;
    for await (const chunk of bodyBatches(res.body, guard, this.#p.net, signal)) {
      yield this.#place(i, chunk, plan);
      await this.#hash.advance(start + this.#written[i] - chunk.byteLength, chunk);
    }
    // Short of the answer's end is a cut connection; an answer shorter than the range is asked again from its end.
    if (start + this.#written[i] < res.end) throw new AttemptError({ kind: 'network' }, 'The connection closed early');
  }

  /** Write a chunk at the range's edge; flush and record progress every so often. */
  #place(i: number, chunk: Uint8Array, plan: readonly ByteRange[]): TaskEvent {
    if (plan !== this.#ranges) throw new WholeAnswer('the file is coming as one stream'); // a read that resolved just before the abort
    const { file, repo } = this.#p;
    const range = this.#ranges[i];
    const at = range.start + this.#written[i];
    if (at + chunk.byteLength > file.size) throw sizeMismatch(file.size, null, true);
    if (at + chunk.byteLength > range.end) throw new AttemptError({ kind: 'network' }, 'More bytes than the range asked for');
    writeChunk(this.#handle, chunk, at, repo, file.size - this.loaded);
    const before = this.#written[i];
    this.#written[i] += chunk.byteLength;
    const every = checkpointEvery(this.#p.rangeBytes);
    if (Math.floor(this.#written[i] / every) > Math.floor(before / every)) {
      this.#handle.flush();
      if (!this.#contiguous) void this.#p.checkpoint(file.path, [...this.#written]);
    }
    return { type: 'bytes', path: file.path, delta: chunk.byteLength };
  }

  async #verify(): Promise<void> {
    this.#handle.flush();
    await this.#hash.settled();
    const digest = await this.#hash.digest();
    const wasContiguous = this.#contiguous;
    await this.close();
    if (digest === checksumOf(this.#p.file)) return;
    await this.#p.storage.store.remove(this.#key);
    if (!wasContiguous) await this.#p.checkpoint(this.#p.file.path, undefined);
    throw integrityError(this.#p.repo, this.#p.file.path, hashKind(this.#p.file) === 'sha256' ? 'sha256' : 'git blob');
  }

  /** No Range support: stop the other ranges, drop the scattered bytes; the file becomes one range from its start. */
  async *#collapse(): AsyncGenerator<TaskEvent> {
    this.#collapsed = true;
    this.#siblings.abort();
    this.#siblings = new AbortController();
    const dropped = this.loaded;
    this.#unreported.length = 0;
    [this.#ranges, this.#written, this.#left] = [planRanges(this.#p.file.size, this.#p.file.size), [0], 1];
    this.#handle.truncate(0);
    await this.#hash.rewind(0, () => this.#p.storage.createHasher(hashKind(this.#p.file), this.#p.file.size));
    await this.#p.checkpoint(this.#p.file.path, undefined);
    yield { type: 'bytes', path: this.#p.file.path, delta: -dropped };
  }
}
