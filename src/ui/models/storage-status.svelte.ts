/** The part of `navigator.storage` the storage meter reads. */
export interface StorageApi {
  estimate(): Promise<StorageEstimate>;
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

/** How much of the browser's storage the app uses, and whether the browser promised to keep it. */
export class StorageStatus {
  readonly #storage: StorageApi;
  #asked = false;
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  persisted = $state(false);

  constructor(storage: StorageApi) {
    this.#storage = storage;
  }

  async refresh(): Promise<void> {
    const { usage, quota } = await this.#storage.estimate();
    this.usage = usage ?? null;
    this.quota = quota ?? null;
    this.persisted = await this.#storage.persisted();
  }

  /** Asks once per session, so the browser does not evict downloaded models under pressure. */
  async askToPersist(): Promise<void> {
    if (this.#asked || this.persisted) return;
    this.#asked = true;
    this.persisted = await this.#storage.persist();
  }
}
