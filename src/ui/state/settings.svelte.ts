import { HUB_URL, normalizeHubUrl } from '../../core/hub/hub-url.ts';

const HUB_KEY = 'whisper-studio:hub-url';

/** App settings a person changes in the Settings panel, kept in the given Storage. */
export class Settings {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly defaultHubUrl: string;
  hubUrl = $state('');

  constructor(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, buildHubUrl: string | undefined) {
    this.#storage = storage;
    this.defaultHubUrl = normalizeHubUrl(buildHubUrl ?? '') ?? HUB_URL;
    this.hubUrl = normalizeHubUrl(storage.getItem(HUB_KEY) ?? '') ?? this.defaultHubUrl;
  }

  /** Returns false (and keeps the old value) when the input is not an http(s) URL. */
  setHubUrl(input: string): boolean {
    const normalized = input.trim() === '' ? this.defaultHubUrl : normalizeHubUrl(input);
    if (normalized === null) return false;
    this.hubUrl = normalized;
    if (normalized === this.defaultHubUrl) this.#storage.removeItem(HUB_KEY);
    else this.#storage.setItem(HUB_KEY, normalized);
    return true;
  }
}
