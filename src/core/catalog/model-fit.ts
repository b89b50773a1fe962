import { formatBytes } from '../format/format-bytes.ts';
import type { CatalogEntry } from './whisper-catalog.ts';

/** What the page learned about this device (once, at start). */
export interface DeviceProfile {
  /** A real GPU adapter, only a software one (SwiftShader…), or none. */
  readonly gpu: 'real' | 'software' | 'none';
  /** The GPU adapter has `shader-f16` (fp16 weights on WebGPU). */
  readonly shaderF16: boolean;
  readonly threads: number;
  /** `navigator.deviceMemory` (GiB, rounded down by the browser, at most 8), when it says. */
  readonly memoryGiB: number | null;
  /** Free storage for this origin, when `navigator.storage.estimate()` says. */
  readonly freeBytes: number | null;
}

/**
 * Memory a transcription takes above the idle page, per byte of q8 weights, plus the runtime's own.
 * Measured (models.bench.ts, peak renderer memory while loading and decoding 159 s of talk, WASM):
 * base 450–570 MiB, small 1.3–1.5 GiB over 77 and 250 MB of weights (tiny's peak, 0.8–2 GiB, is
 * garbage the collector had not yet taken back, not what it needs).
 */
const MEMORY_PER_WEIGHT_BYTE = 5;
const RUNTIME_BYTES = 200 * 2 ** 20;
/** The share of the device's memory a tab can take without the system pushing it out. */
const MEMORY_SHARE = 0.6;
/** `navigator.deviceMemory` says at most 8: a device that says 8 may have far more. */
const DEVICE_MEMORY_CAP_GIB = 8;

/** Bytes of memory this model takes while it transcribes. */
export const memoryNeeded = (entry: CatalogEntry): number => entry.approxMB * 1e6 * MEMORY_PER_WEIGHT_BYTE + RUNTIME_BYTES;

export const fitsMemory = (entry: CatalogEntry, profile: DeviceProfile): boolean =>
  profile.memoryGiB === null || profile.memoryGiB >= DEVICE_MEMORY_CAP_GIB || memoryNeeded(entry) <= profile.memoryGiB * 2 ** 30 * MEMORY_SHARE;

export const fitsStorage = (entry: CatalogEntry, profile: DeviceProfile): boolean =>
  profile.freeBytes === null || entry.approxMB * 1e6 <= profile.freeBytes * 0.8;

/** Said before a download when the model will likely not run here; null when it fits (or the device does not say). */
export function memoryWarning(entry: CatalogEntry, profile: DeviceProfile | null): string | null {
  if (!profile || fitsMemory(entry, profile)) return null;
  return `Needs about ${formatBytes(memoryNeeded(entry))} of memory to run; this device reports ${profile.memoryGiB} GB, so the tab may run out of memory. A smaller model will run.`;
}
