/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Hub endpoint baked into a build; a person can still change it in Settings. */
  readonly VITE_HUB_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
