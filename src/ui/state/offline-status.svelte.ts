/** The part of workbox-window's Workbox the offline status uses, so specs can pass a fake. */
export interface ServiceWorkerBridge {
  addEventListener(type: 'installed' | 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean }) => void): void;
  register(): Promise<unknown>;
  messageSkipWaiting(): void;
}

/**
 * Whether the app works offline yet, and whether a new version waits. The new version takes
 * over only when the person presses Reload, so a reload never surprises work in progress.
 */
export class OfflineStatus {
  readonly #bridge: ServiceWorkerBridge;
  readonly #reload: () => void;
  offlineReady = $state(false);
  updateWaiting = $state(false);
  #reloading = false;

  constructor(bridge: ServiceWorkerBridge, alreadyControlled: boolean, reload: () => void) {
    this.#bridge = bridge;
    this.#reload = reload;
    this.offlineReady = alreadyControlled;
    bridge.addEventListener('installed', (event) => {
      if (!event.isUpdate) this.offlineReady = true;
    });
    bridge.addEventListener('waiting', () => (this.updateWaiting = true));
    // workbox-window marks an update found after the first visit as "external" and not "isUpdate",
    // so what counts is that the person asked for it.
    bridge.addEventListener('controlling', () => {
      if (this.#reloading) this.#reload();
    });
  }

  start(): Promise<unknown> {
    return this.#bridge.register();
  }

  /** Activate the waiting version; the page reloads once it controls it. */
  applyUpdate(): void {
    this.#reloading = true;
    this.#bridge.messageSkipWaiting();
  }
}
