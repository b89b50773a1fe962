import type { LockMode } from '../workers/download/download-jobs.ts';

/** Web Locks for specs: one holder per name, `wait` queues in order, `if-available` gives up at once. */
export class MemoryLocks {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #held = new Set<string>();

  isHeld(name: string): boolean {
    return this.#held.has(name);
  }

  async request(name: string, mode: LockMode, work: () => Promise<void>): Promise<boolean> {
    if (mode === 'if-available' && this.#held.has(name)) return false;
    const previous = this.#tails.get(name) ?? Promise.resolve();
    let release = (): void => undefined;
    const tail = new Promise<void>((resolve) => (release = resolve));
    this.#tails.set(name, previous.then(() => tail));
    await previous;
    this.#held.add(name);
    try {
      await work();
      return true;
    } finally {
      this.#held.delete(name);
      release();
    }
  }

  /** Hold the lock as another tab would, until the returned function is called. */
  async holdElsewhere(name: string): Promise<() => void> {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let acquired = (): void => undefined;
    const ready = new Promise<void>((resolve) => (acquired = resolve));
    void this.request(name, 'wait', async () => {
      acquired();
      await released;
    });
    await ready;
    return release;
  }
}
