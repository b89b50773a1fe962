import { HUB_URL, normalizeHubUrl } from '../../core/hub/hub-url.ts';
import { tokenFor } from '../../core/hub/token-scope.ts';
import type { DevicePreference } from '../../core/transcribe/decode-options.ts';

const HUB_KEY = 'whisper-studio:hub-url';
const TOKEN_KEY = 'whisper-studio:hf-token';
/** The origin the remembered token was entered for; absent for tokens remembered before: the default hub's. */
const TOKEN_ORIGIN_KEY = 'whisper-studio:hf-token-origin';
const DEVICE_KEY = 'whisper-studio:device';
const DEVICES: readonly DevicePreference[] = ['auto', 'webgpu', 'wasm'];

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** App settings from the Settings panel. The token stays in memory unless the person asks to remember it. */
export class Settings {
  readonly #storage: KeyValue;
  readonly defaultHubUrl: string;
  hubUrl = $state('');
  accessToken = $state('');
  rememberToken = $state(false);
  /** The hub origin the token was entered for: it goes there only (see `tokenFor`). */
  tokenOrigin = $state('');
  /** A token is saved, but the hub endpoint now points elsewhere, so it is not sent. */
  tokenHeldBack = $derived.by(() => this.accessToken !== '' && tokenFor(this.hubUrl, { value: this.accessToken, origin: this.tokenOrigin }) === undefined);
  /** Settings → Device: where transcription runs. */
  device = $state<DevicePreference>('auto');

  readonly #connectAllowed: (origin: string) => boolean;
  /** The hub endpoint is one the page's Content-Security-Policy refuses to connect to. */
  hubBlocked = $derived.by(() => !this.#connectAllowed(new URL(this.hubUrl).origin));

  /** `connectAllowed`: whether the page's CSP lets it connect to an origin (a built page carries it as a meta tag). */
  constructor(storage: KeyValue, buildHubUrl: string | undefined, connectAllowed: (origin: string) => boolean = () => true) {
    this.#storage = storage;
    this.#connectAllowed = connectAllowed;
    this.defaultHubUrl = normalizeHubUrl(buildHubUrl ?? '') ?? HUB_URL;
    this.hubUrl = normalizeHubUrl(storage.getItem(HUB_KEY) ?? '') ?? this.defaultHubUrl;
    this.accessToken = storage.getItem(TOKEN_KEY) ?? '';
    this.rememberToken = this.accessToken !== '';
    this.tokenOrigin = storage.getItem(TOKEN_ORIGIN_KEY) ?? new URL(this.defaultHubUrl).origin;
    const device = storage.getItem(DEVICE_KEY);
    this.device = DEVICES.find((d) => d === device) ?? 'auto';
  }

  setDevice(device: DevicePreference): void {
    this.device = device;
    if (device === 'auto') this.#storage.removeItem(DEVICE_KEY);
    else this.#storage.setItem(DEVICE_KEY, device);
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

  /** Returns false for a value that cannot be a Hugging Face token (they start with `hf_`). The token belongs to the hub set now. */
  setAccessToken(input: string, remember: boolean): boolean {
    const token = input.trim();
    if (token !== '' && !/^hf_\w+$/.test(token)) return false;
    this.accessToken = token;
    this.tokenOrigin = new URL(this.hubUrl).origin;
    this.rememberToken = remember && token !== '';
    if (this.rememberToken) {
      this.#storage.setItem(TOKEN_KEY, token);
      this.#storage.setItem(TOKEN_ORIGIN_KEY, this.tokenOrigin);
    } else {
      this.#storage.removeItem(TOKEN_KEY);
      this.#storage.removeItem(TOKEN_ORIGIN_KEY);
    }
    return true;
  }

  /** What a hub request needs; the token only for the origin it was entered for, over https (loopback exempt). */
  hub(): { hubUrl: string; accessToken?: string } {
    const accessToken = tokenFor(this.hubUrl, { value: this.accessToken, origin: this.tokenOrigin });
    return accessToken ? { hubUrl: this.hubUrl, accessToken } : { hubUrl: this.hubUrl };
  }
}
