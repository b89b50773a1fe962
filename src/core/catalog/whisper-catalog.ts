/** A Whisper model a person can pick by the name faster-whisper uses for it. */
export interface CatalogEntry {
  /** The faster-whisper name: `tiny`, `large-v3`, `turbo`… */
  readonly name: string;
  /** A Hugging Face repo with the transformers.js layout (JSON at the root, ONNX under `onnx/`). */
  readonly repo: string;
  /** English-only models take no language or task option. */
  readonly multilingual: boolean;
  /** Another catalog name this one is the same model as (`large` → `large-v3`). */
  readonly aliasOf?: string;
  /** Rough q8 size in MB, shown until the live listing gives the exact size. */
  readonly approxMB: number;
}

const entry = (name: string, repo: string, multilingual: boolean, approxMB: number, aliasOf?: string): CatalogEntry =>
  Object.freeze({ name, repo, multilingual, approxMB, ...(aliasOf ? { aliasOf } : {}) });

/**
 * Every name of faster-whisper's model map, mapped to the best-known browser (ONNX) port.
 * Sizes and dtypes here are only a starting point: the file plan comes from the live tree listing.
 */
export const WHISPER_CATALOG: readonly CatalogEntry[] = Object.freeze([
  entry('tiny', 'onnx-community/whisper-tiny', true, 41),
  entry('tiny.en', 'onnx-community/whisper-tiny.en', false, 41),
  entry('base', 'onnx-community/whisper-base', true, 77),
  entry('base.en', 'onnx-community/whisper-base.en', false, 77),
  entry('small', 'onnx-community/whisper-small', true, 250),
  entry('small.en', 'onnx-community/whisper-small.en', false, 250),
  entry('medium', 'Xenova/whisper-medium', true, 780),
  entry('medium.en', 'Xenova/whisper-medium.en', false, 780),
  entry('large-v1', 'Xenova/whisper-large', true, 1600),
  entry('large-v2', 'Xenova/whisper-large-v2', true, 1600),
  entry('large-v3', 'Xenova/whisper-large-v3', true, 1600),
  entry('large', 'Xenova/whisper-large-v3', true, 1600, 'large-v3'),
  entry('distil-small.en', 'distil-whisper/distil-small.en', false, 170),
  entry('distil-medium.en', 'distil-whisper/distil-medium.en', false, 400),
  entry('distil-large-v2', 'distil-whisper/distil-large-v2', false, 1000),
  entry('distil-large-v3', 'distil-whisper/distil-large-v3', false, 1000),
  entry('distil-large-v3.5', 'onnx-community/distil-large-v3.5-ONNX', false, 1000),
  entry('large-v3-turbo', 'onnx-community/whisper-large-v3-turbo', true, 560),
  entry('turbo', 'onnx-community/whisper-large-v3-turbo', true, 560, 'large-v3-turbo'),
]);

/**
 * The speaker segmentation model offered beside Whisper: pyannote's segmentation-3.0 as
 * onnx-community exports it (one ONNX file). Optional: speakers are found without it too.
 */
export const SPEAKER_MODEL: CatalogEntry = entry('pyannote-segmentation-3.0', 'onnx-community/pyannote-segmentation-3.0', true, 6);

/** A repo id as the hub accepts it: `owner/name`. */
export function isRepoId(value: string): boolean {
  return /^[\w][\w.-]*\/[\w][\w.-]*$/.test(value) && !value.includes('..');
}

/** The catalog entry for a name, or for a repo someone typed (multilingual unless `.en`). */
export function findModel(nameOrRepo: string): CatalogEntry | null {
  const known = WHISPER_CATALOG.find((e) => e.name === nameOrRepo || e.repo === nameOrRepo);
  if (known) return known;
  if (!isRepoId(nameOrRepo)) return null;
  return entry(nameOrRepo, nameOrRepo, !/\.en\b|[-_]en$/i.test(nameOrRepo), 0);
}
