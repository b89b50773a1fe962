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
  /**
   * Another tab let a new version take over: this tab still runs the old one, whose worker scripts
   * the new version no longer keeps, so a worker started now could fail. The person is asked to reload.
   */
  updatedElsewhere = $state(false);
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
      else if (alreadyControlled) [this.updatedElsewhere, this.updateWaiting] = [true, false];
    });
  }

  start(): Promise<unknown> {
    return this.#bridge.register();
  }

  /** Activate the waiting version; the page reloads once it controls it (at once, when another tab activated it). */
  applyUpdate(): void {
    if (this.updatedElsewhere) return this.#reload();
    this.#reloading = true;
    this.#bridge.messageSkipWaiting();
  }
}
