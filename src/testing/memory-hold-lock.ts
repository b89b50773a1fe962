import type { HeldLock, HoldLock } from '../ui/tabs/held-lock.ts';

/** Web Locks as several tabs of one browser share them, for specs: one holder per name, waiters in order, steal. */
export class MemoryLockBroker {
  readonly #holders = new Map<string, { lose: () => void }>();
  readonly #waiters = new Map<string, ((held: HeldLock) => void)[]>();

  /** One tab's `HoldLock`. */
  readonly hold: HoldLock = async (name, { wait, steal = false }) => {
    if (this.#holders.has(name) && steal) this.#drop(name, true);
    if (!this.#holders.has(name)) return this.#grant(name);
    if (!wait) return null;
    return new Promise<HeldLock>((r) => this.#waiters.set(name, [...(this.#waiters.get(name) ?? []), r]));
  };

  #grant(name: string): HeldLock {
    let lose = (): void => undefined;
    const lost = new Promise<void>((r) => (lose = r));
    const entry = { lose };
    this.#holders.set(name, entry);
    return { lost, release: () => this.#holders.get(name) === entry && this.#drop(name, false) };
  }

  #drop(name: string, stolen: boolean): void {
    if (stolen) this.#holders.get(name)?.lose();
    this.#holders.delete(name);
    if (stolen) return;
    const [next, ...rest] = this.#waiters.get(name) ?? [];
    this.#waiters.set(name, rest);
    if (next) next(this.#grant(name));
  }
}
