import type { StoredFile } from '../store/model-store.ts';
import type { Hasher } from './hasher.ts';
import { contiguousPrefix, type Segment } from './segments.ts';

const READ_BACK_CHUNK = 4 * 1024 * 1024;

/**
 * Feeds a hasher a file's bytes strictly in order while segments land out of order: a chunk at
 * the hashed edge goes straight in; bytes that landed ahead of the edge are read back from disk
 * once the gap before them is filled. So the digest is ready within moments of the last byte,
 * with no second pass over the file. Calls are serialized; `written` is owned by the caller.
 */
export class OrderedHash {
  readonly #handle: StoredFile;
  readonly #segments: readonly Segment[];
  readonly #written: readonly number[];
  #hasher: Hasher;
  #hashed = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(handle: StoredFile, hasher: Hasher, segments: readonly Segment[], written: readonly number[]) {
    this.#handle = handle;
    this.#hasher = hasher;
    this.#segments = segments;
    this.#written = written;
  }

  /** After bytes were written at `at` (the caller already counted them in `written`). Resolves when hashed or queued behind backpressure. */
  advance(at: number, chunk: Uint8Array | null): Promise<void> {
    const step = this.#queue.then(() => this.#advance(at, chunk));
    this.#queue = step.catch(() => undefined);
    return step;
  }

  /** Every byte written so far is hashed. */
  settled(): Promise<void> {
    return this.advance(-1, null);
  }

  /**
   * Bytes from `at` on are about to be written again. A hash cannot take bytes back: when some
   * were hashed already, hashing starts over from the file's start with `fresh`, reading back
   * from disk, so every byte of the final file is the one hashed.
   */
  rewind(at: number, fresh: () => Promise<Hasher>): Promise<void> {
    const step = this.#queue.then(async () => {
      if (at >= this.#hashed) return;
      this.#hasher.dispose();
      [this.#hasher, this.#hashed] = [await fresh(), 0];
    });
    this.#queue = step.catch(() => undefined);
    return step;
  }

  /** The digest of everything hashed (call after `settled`). */
  digest(): Promise<string> {
    return this.#hasher.digest();
  }

  dispose(): void {
    this.#hasher.dispose();
  }

  async #advance(at: number, chunk: Uint8Array | null): Promise<void> {
    if (chunk !== null && at === this.#hashed) {
      this.#hashed += chunk.byteLength;
      await this.#hasher.update(chunk);
    }
    const ready = contiguousPrefix(this.#segments, this.#written);
    while (this.#hashed < ready) {
      const part = new Uint8Array(Math.min(READ_BACK_CHUNK, ready - this.#hashed));
      this.#handle.read(part, this.#hashed);
      this.#hashed += part.byteLength;
      await this.#hasher.update(part);
    }
  }
}
