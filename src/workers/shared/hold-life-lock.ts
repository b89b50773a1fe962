/**
 * Holds a Web Lock for as long as this worker lives and says its name once held. A worker that is
 * closed or crashes sends no `error` event, but its locks are released: whoever waits on the lock
 * learns that it died.
 */
export function holdLifeLock(onheld: (lock: string) => void): void {
  const lock = `whisper-studio:alive:${crypto.randomUUID()}`;
  void navigator.locks.request(lock, () => {
    onheld(lock);
    return new Promise<never>(() => undefined);
  });
}
