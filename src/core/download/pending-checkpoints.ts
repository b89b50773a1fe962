import type { PendingDownload, RecordStore } from '../store/records.ts';

/**
 * The pending record of a download under way, rewritten as ranges make progress. Writes are
 * serialized and never reject: a record that missed an update is merely older than the disk,
 * and a resume then fetches a few bytes twice.
 */
export class PendingCheckpoints {
  readonly #records: RecordStore;
  #pending: PendingDownload;
  #queue: Promise<void> = Promise.resolve();

  constructor(records: RecordStore, pending: PendingDownload) {
    this.#records = records;
    this.#pending = Object.freeze({ ...pending });
  }

  get pending(): PendingDownload {
    return this.#pending;
  }

  /** Record a file's ranges' progress, or forget it (`undefined`: the file is contiguous on disk). */
  update(path: string, written: readonly number[] | undefined): Promise<void> {
    const ranges = { ...this.#pending.ranges };
    if (written === undefined) delete ranges[path];
    else ranges[path] = Object.freeze([...written]);
    this.#pending = Object.freeze({ ...this.#pending, ranges: Object.freeze(ranges) });
    return this.save();
  }

  /** Every write asked for so far has landed: call before the record is deleted, or a late write would bring it back. */
  drained(): Promise<void> {
    return this.#queue;
  }

  save(): Promise<void> {
    const snapshot = this.#pending;
    this.#queue = this.#queue.then(() => this.#records.putPending(snapshot)).catch(() => undefined);
    return this.#queue;
  }
}
