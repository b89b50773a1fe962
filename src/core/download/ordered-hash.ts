import type { StoredFile } from '../store/model-store.ts';
import type { Hasher } from './hasher.ts';

const READ_BACK_CHUNK = 4 * 1024 * 1024;

/**
 * Feeds a hasher a file's bytes strictly in order while ranges land out of order: a chunk at
 * the hashed edge goes straight in; bytes that landed ahead of the edge are read back from disk
 * once the gap before them is filled. So the digest is ready within moments of the last byte,
 * with no second pass over the file. Calls are serialized; what is on disk is the caller's to say.
 */
export class OrderedHash {
  readonly #handle: StoredFile;
  /** Bytes on disk from the file's start without a gap. */
  readonly #ready: () => number;
  #hasher: Hasher;
  #hashed = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(handle: StoredFile, hasher: Hasher, ready: () => number) {
    this.#handle = handle;
    this.#hasher = hasher;
    this.#ready = ready;
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
    const ready = this.#ready();
    while (this.#hashed < ready) {
      const part = new Uint8Array(Math.min(READ_BACK_CHUNK, ready - this.#hashed));
      this.#handle.read(part, this.#hashed);
      this.#hashed += part.byteLength;
      await this.#hasher.update(part);
    }
  }
}
