/** A Web Lock this tab holds until it lets go, or until another tab takes it (`steal`). */
export interface HeldLock {
  release(): void;
  /** Settles if another tab took the lock away: this tab no longer holds it. */
  readonly lost: Promise<void>;
}

export interface HoldOptions {
  /** Wait for the lock (true), or give up at once when another tab holds it (false). */
  readonly wait: boolean;
  /** Take the lock from whoever holds it (their `lost` settles). */
  readonly steal?: boolean;
}

/** Holds an exclusive lock by name; null when it is held elsewhere and `wait` is false. */
export type HoldLock = (name: string, options: HoldOptions) => Promise<HeldLock | null>;

/** `HoldLock` on the browser's Web Locks: a lock lives as long as its callback's promise. */
export const webHoldLock =
  (locks: LockManager): HoldLock =>
  (name, { wait, steal = false }) =>
    new Promise((resolve, reject) => {
      let release = (): void => undefined;
      const held = new Promise<void>((r) => (release = r));
      const options: LockOptions = steal ? { steal: true } : { ifAvailable: !wait };
      const request = locks.request(name, options, (lock) => {
        if (!lock) return resolve(null);
        resolve({ release, lost: request.then(() => new Promise<void>(() => undefined), () => undefined) });
        return held;
      });
      request.catch(reject);
    });
