const KEY = 'whisper-studio:isolation-reload';

export interface IsolationState {
  readonly isolated: boolean;
  /** Whether our service worker controls this page (it adds the isolation headers). */
  readonly controlled: boolean;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  reload(): void;
}

/**
 * On a static host without COOP/COEP the first visit is not cross-origin isolated (one thread);
 * once the service worker controls the page, one reload gets the page from it, with the headers.
 * Reloads at most once per tab, so a browser that cannot be isolated is never caught in a loop.
 */
export function reloadIntoIsolation(state: IsolationState): boolean {
  if (state.isolated) {
    state.storage.removeItem(KEY);
    return false;
  }
  if (!state.controlled || state.storage.getItem(KEY) !== null) return false;
  state.storage.setItem(KEY, String(Date.now()));
  state.reload();
  return true;
}
