/** What every hub call takes, as in huggingface.js: injectable endpoint, fetch and token. */
export interface HubParams {
  /** `owner/name` of a model repo. */
  readonly repo: string;
  /** @default HUB_URL */
  readonly hubUrl?: string;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** `hf_…`; sent to the hub origin only. */
  readonly accessToken?: string;
  readonly signal?: AbortSignal;
  /** Each request (headers and body) gives up after this long. @default DEFAULT_HUB_TIMEOUT_MS */
  readonly timeoutMs?: number;
}
