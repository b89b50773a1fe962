/** Calls `ondeath` once the worker holding `lock` (see `holdLifeLock`) is gone, however it went. */
export type WatchLife = (lock: string, ondeath: () => void) => void;

export const watchLifeWithLocks = (locks: LockManager): WatchLife => (lock, ondeath) => {
  void locks.request(lock, () => ondeath());
};
