import type { Device } from '../transcribe-protocol.ts';
import type { CatalogEntry } from './whisper-catalog.ts';

/** What the page learned about this device (once, at start). */
export interface DeviceProfile {
  /** A real GPU adapter, only a software one (SwiftShader…), or none. */
  readonly gpu: 'real' | 'software' | 'none';
  /** The GPU adapter has `shader-f16` (fp16 weights on WebGPU). */
  readonly shaderF16: boolean;
  readonly threads: number;
  /** `navigator.deviceMemory` (GiB, rounded by the browser), when it says. */
  readonly memoryGiB: number | null;
  /** Free storage for this origin, when `navigator.storage.estimate()` says. */
  readonly freeBytes: number | null;
}

/** A transcription's speed on this device: seconds of work per second of audio. */
export interface RtfRecord {
  readonly repo: string;
  readonly device: Device;
  readonly rtf: number;
}

export interface Recommendation {
  readonly entry: CatalogEntry;
  readonly rtf: number;
  readonly why: string;
}

/** Compute per second of audio relative to tiny (encoder and decoder sizes; turbo and distil have small decoders). */
const COST: readonly [RegExp, number][] = [
  [/^tiny/, 1], [/^base/, 1.9], [/^small/, 5.5], [/^medium/, 16], [/^distil-small/, 3.5], [/^distil-medium/, 8],
  [/^distil-large/, 14], [/turbo/, 9], [/^large/, 30],
];
/** Cost of a catalog name or of a repo (`Xenova/whisper-tiny` → tiny); unknown ones count as large. */
function costOf(nameOrRepo: string): number {
  const key = (nameOrRepo.split('/').pop() ?? '').replace(/^whisper-/i, '').toLowerCase();
  return COST.find(([pattern]) => pattern.test(key))?.[1] ?? 30;
}
const cost = (e: CatalogEntry): number => costOf(e.name);

/** whisper-tiny's RTF before anything was measured here (WASM measured on 2 cores; a real GPU is assumed ~4× faster). */
const DEFAULT_TINY_RTF: Record<Device, number> = { wasm: 0.2, webgpu: 0.05 };
/** At least twice as fast as real time. */
const MAX_RTF = 0.5;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** This model's RTF on `device`: measured here, else scaled from what was measured here, else a default. */
export function estimateRtf(entry: CatalogEntry, device: Device, history: readonly RtfRecord[]): { rtf: number; measured: boolean } {
  const here = history.filter((r) => r.device === device);
  const own = here.filter((r) => r.repo === entry.repo).map((r) => r.rtf);
  if (own.length > 0) return { rtf: median(own), measured: true };
  const scaled = here.map((r) => (r.rtf * cost(entry)) / costOf(r.repo));
  return { rtf: scaled.length > 0 ? median(scaled) : DEFAULT_TINY_RTF[device] * cost(entry), measured: false };
}

function fits(entry: CatalogEntry, profile: DeviceProfile): boolean {
  const bytes = entry.approxMB * 1e6;
  const storage = profile.freeBytes === null || bytes <= profile.freeBytes * 0.8;
  // Running takes about three times the weights in memory; keep it to half of the device's.
  const memory = profile.memoryGiB === null || bytes * 3 <= profile.memoryGiB * 2 ** 30 * 0.5;
  return storage && memory;
}

/**
 * A short list for this device: the most accurate models (biggest first) that fit its storage and
 * memory and run at least twice as fast as real time, each with why.
 */
export function recommend(catalog: readonly CatalogEntry[], profile: DeviceProfile, history: readonly RtfRecord[], count = 3): Recommendation[] {
  const device: Device = profile.gpu === 'real' ? 'webgpu' : 'wasm';
  return catalog
    .filter((e) => !e.aliasOf && fits(e, profile))
    .map((entry) => ({ entry, ...estimateRtf(entry, device, history) }))
    .filter((r) => r.rtf <= MAX_RTF)
    .sort((a, b) => cost(b.entry) - cost(a.entry) || Number(b.entry.multilingual) - Number(a.entry.multilingual))
    .slice(0, count)
    .map(({ entry, rtf, measured }) => {
      const speed = `~${Math.max(1, Math.round(1 / rtf))}× real time${measured ? ' (measured here)' : ''}`;
      return Object.freeze({ entry, rtf, why: device === 'webgpu' ? `fast on your GPU, ${speed}` : `runs on CPU, ${speed}` });
    });
}
