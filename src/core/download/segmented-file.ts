import type { FileKey, StoredFile } from '../store/model-store.ts';
import { AttemptError } from './attempt-error.ts';
import { asTaskEvents, DEFAULT_STALL_MS, downloadFile, hashKind, resolveUrl, type DownloadFileParams } from './download-file.ts';
import { fetchRange, sizeMismatch } from './fetch-range.ts';
import { integrityError } from './file-errors.ts';
import type { Hasher } from './hasher.ts';
import { OrderedHash } from './ordered-hash.ts';
import { bodyBatches } from './read-body.ts';
import { retryLoop } from './retry-loop.ts';
import { planSegments, trustedWritten, type Segment } from './segments.ts';
import type { StallGuard } from './stall-guard.ts';
import type { PoolTask, TaskEvent } from './task-pool.ts';
import { writeChunk } from './write-chunk.ts';

export interface SegmentedFileParams extends Omit<DownloadFileParams, 'signal'> {
  /** Bytes of each segment on disk as the pending record has them; undefined for a fresh start. */
  readonly recorded: readonly number[] | undefined;
  /** Persist the segments' progress (after a flush), or forget it (the file became contiguous). */
  readonly checkpoint: (path: string, written: readonly number[] | undefined) => Promise<void>;
}

/** Bytes of a segment between flushes and progress records: what a closed tab can lose of it at most. */
const CHECKPOINT_EVERY_BYTES = 4 * 1024 * 1024;

/** The server ignored Range for a segment: this file must come as one whole stream. */
class NoRangeSupport extends Error {}

/**
 * A big file fetched as several segments at once, each written at its offset and hashed in order;
 * its `tasks` go into the download pool. The last segment to finish verifies the file. If the
 * server ignores Range, the file falls back to one whole-file stream.
 */
export class SegmentedFile {
  readonly #p: SegmentedFileParams;
  readonly #key: FileKey;
  readonly #segments: readonly Segment[];
  readonly #written: number[];
  readonly #handle: StoredFile;
  readonly #hash: OrderedHash;
  /** Aborts the other segments when one of them finds the server ignores Range. */
  readonly #siblings = new AbortController();
  /** Bytes of a restarted segment that progress still counts: taken back before its next attempt. */
  readonly #unreported: number[] = [];
  #left: number;
  #fellBack = false;
  #closed = false;

  private constructor(p: SegmentedFileParams, handle: StoredFile, hasher: Hasher) {
    this.#p = p;
    this.#key = { repo: p.repo, commit: p.commit, path: p.file.path };
    this.#segments = planSegments(p.file.size);
    this.#written = [...trustedWritten(this.#segments, p.recorded, handle.size())];
    this.#handle = handle;
    this.#hash = new OrderedHash(handle, hasher, this.#segments, this.#written);
    this.#left = this.#segments.filter((s, i) => this.#written[i] < s.end - s.start).length;
  }

  static async open(p: SegmentedFileParams): Promise<SegmentedFile> {
    const handle = await p.store.open({ repo: p.repo, commit: p.commit, path: p.file.path });
    try {
      const file = new SegmentedFile(p, handle, await p.createHasher(hashKind(p.file), p.file.size));
      await p.checkpoint(p.file.path, file.#written); // before any segment writes: a gap on disk is never read as data
      void file.#hash.settled().catch(() => undefined); // re-hash what a resume found, while the segments start
      return file;
    } catch (error) {
      handle.close();
      throw error;
    }
  }

  /** Whether the file splits into more than one request. */
  static applies(size: number): boolean {
    return planSegments(size).length > 1;
  }

  /** Bytes of this file on disk now. */
  get onDisk(): number {
    return this.#written.reduce((a, b) => a + b, 0);
  }

  get tasks(): readonly PoolTask[] {
    const open = this.#segments.flatMap((s, i) => (this.#written[i] < s.end - s.start ? [i] : []));
    if (open.length === 0) return [{ run: () => this.#finishOnly() }];
    return open.map((i) => ({ run: (signal: AbortSignal) => this.#runSegment(i, signal) }));
  }

  /** Close the file; when it is not verified yet, flush it first and record how far each segment got, so Resume fetches only the rest. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#handle.flush();
    this.#handle.close();
    this.#hash.dispose();
    if (!this.#fellBack && this.#left > 0) await this.#p.checkpoint(this.#p.file.path, [...this.#written]);
  }

  async *#finishOnly(): AsyncGenerator<TaskEvent> {
    await this.#verify();
  }

  async *#runSegment(i: number, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    try {
      yield* this.#fetchSegment(i, AbortSignal.any([signal, this.#siblings.signal]));
    } catch (error) {
      if (error instanceof NoRangeSupport && !this.#fellBack) return yield* this.#fallBack(signal);
      if (this.#fellBack && !signal.aborted) return; // the whole-file stream brings these bytes
      throw error;
    }
    await this.#p.checkpoint(this.#p.file.path, [...this.#written]);
    if (--this.#left === 0) await this.#verify();
  }

  #fetchSegment(i: number, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    const segment = this.#segments[i];
    const path = this.#p.file.path;
    return retryLoop<TaskEvent>(
      { ...this.#p, signal, stallTimeoutMs: this.#p.stallTimeoutMs ?? DEFAULT_STALL_MS },
      {
        path,
        url: resolveUrl(this.#p),
        position: () => this.#written[i],
        done: () => this.#written[i] >= segment.end - segment.start,
        attempt: (guard) => this.#attempt(i, guard, signal),
        restart: () => this.#restart(i),
        retried: (reason, delayMs) => Object.freeze({ type: 'retry', path, reason, delayMs }),
      },
    );
  }

  /** Fetch the segment again from its start: its bytes are rewritten in place, and hashed again if they were already. */
  async #restart(i: number): Promise<void> {
    this.#unreported[i] = (this.#unreported[i] ?? 0) + this.#written[i];
    this.#written[i] = 0;
    await this.#hash.rewind(this.#segments[i].start, () => this.#p.createHasher(hashKind(this.#p.file), this.#p.file.size));
  }

  async *#attempt(i: number, guard: StallGuard, signal: AbortSignal): AsyncGenerator<TaskEvent> {
    const segment = this.#segments[i];
    if (this.#unreported[i]) yield { type: 'bytes', path: this.#p.file.path, delta: -this.#unreported[i] };
    this.#unreported[i] = 0;
    const from = segment.start + this.#written[i];
    const res = await fetchRange({ ...this.#p, url: resolveUrl(this.#p), hubOrigin: new URL(this.#p.hubUrl).origin, from, end: segment.end - 1, size: this.#p.file.size, signal, guard });
    if (res.whole) {
      await res.body.cancel().catch(() => undefined);
      throw new NoRangeSupport(`${this.#p.file.path}: the server sent the whole file for a range`);
    }
    for await (const chunk of bodyBatches(res.body, guard, this.#p, signal)) {
      yield this.#place(i, chunk);
      await this.#hash.advance(segment.start + this.#written[i] - chunk.byteLength, chunk);
    }
    // Short of the answer's end is a cut connection; an answer shorter than the segment is asked again from its end.
    if (segment.start + this.#written[i] < res.end) throw new AttemptError({ kind: 'network' }, 'The connection closed early');
  }

  /** Write a chunk at the segment's edge; flush and record progress every so often. */
  #place(i: number, chunk: Uint8Array): TaskEvent {
    if (this.#fellBack) throw new NoRangeSupport('the file is coming as one stream'); // a read that resolved just before the abort
    const segment = this.#segments[i];
    const at = segment.start + this.#written[i];
    if (at + chunk.byteLength > this.#p.file.size) throw sizeMismatch(this.#p.file.size, null, true);
    if (at + chunk.byteLength > segment.end) throw new AttemptError({ kind: 'network' }, 'More bytes than the range asked for');
    writeChunk(this.#handle, chunk, at, this.#p.repo, this.#p.file.size - this.onDisk);
    const before = this.#written[i];
    this.#written[i] += chunk.byteLength;
    if (Math.floor(this.#written[i] / CHECKPOINT_EVERY_BYTES) > Math.floor(before / CHECKPOINT_EVERY_BYTES)) {
      this.#handle.flush();
      void this.#p.checkpoint(this.#p.file.path, [...this.#written]);
    }
    return { type: 'bytes', path: this.#p.file.path, delta: chunk.byteLength };
  }

  async #verify(): Promise<void> {
    this.#handle.flush();
    await this.#hash.settled();
    const digest = await this.#hash.digest();
    await this.close();
    if (digest !== (this.#p.file.sha256 ?? this.#p.file.oid)) {
      await this.#p.store.remove(this.#key);
      await this.#p.checkpoint(this.#p.file.path, undefined);
      throw integrityError(this.#p.repo, this.#p.file.path, hashKind(this.#p.file) === 'sha256' ? 'sha256' : 'git blob');
    }
  }

  /** No Range support: stop the other segments, drop the sparse bytes, stream the whole file. */
  async *#fallBack(signal: AbortSignal): AsyncGenerator<TaskEvent> {
    this.#fellBack = true;
    this.#siblings.abort();
    const dropped = this.onDisk;
    this.#written.fill(0);
    yield { type: 'bytes', path: this.#p.file.path, delta: -dropped };
    await this.close();
    await this.#p.store.remove(this.#key);
    await this.#p.checkpoint(this.#p.file.path, undefined);
    yield* asTaskEvents(downloadFile({ ...this.#p, signal }), this.#p.file.path, 0);
  }
}
