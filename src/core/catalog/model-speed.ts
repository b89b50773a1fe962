import type { Device, Quality } from '../transcribe/decode-options.ts';

/** A transcription's speed on this device: seconds of work per second of audio. */
export interface RtfRecord {
  readonly repo: string;
  readonly device: Device;
  /** How it was decoded; records from before decodings were told apart count as Best (the default then). */
  readonly quality?: Quality;
  readonly rtf: number;
}

export interface SpeedEstimate {
  readonly rtf: number;
  /** From this model's own runs here in this decoding, not scaled from other models or defaults. */
  readonly measured: boolean;
}

/**
 * Compute per second of audio relative to tiny, decoded Fast. tiny, base and small are measured
 * (`npm run bench`, models.bench.ts: dense speech, WASM, 2 threads); the others are scaled from
 * their encoder and decoder sizes (turbo and distil have small decoders).
 */
const SIZES: readonly { pattern: RegExp; cost: number; rank: number }[] = [
  { pattern: /^tiny/, cost: 1, rank: 1 }, { pattern: /^base/, cost: 1.5, rank: 2 }, { pattern: /^small/, cost: 3.2, rank: 3 },
  { pattern: /^medium/, cost: 10, rank: 4 }, { pattern: /^distil-small/, cost: 2.3, rank: 3 }, { pattern: /^distil-medium/, cost: 5.5, rank: 4 },
  { pattern: /^distil-large/, cost: 10, rank: 5 }, { pattern: /turbo/, cost: 7, rank: 5 }, { pattern: /^large/, cost: 22, rank: 6 },
];
const LARGE = SIZES.at(-1)!;
/**
 * Best (greedy, beams only where greedy is unsure) over Fast on dense talk: tiny 1.25×, base 1.3×,
 * small 1.0× (sure of every window) — bench, 2026-12-05; the larger figure stands for all.
 */
const BEST_OVER_FAST = 1.3;
/** whisper-tiny decoded Fast before anything ran here: WASM measured on 2 cores (0.09); a real GPU assumed ~5× faster. */
const DEFAULT_TINY_FAST_RTF: Record<Device, number> = { wasm: 0.1, webgpu: 0.02 };

/** The model a catalog name or repo is (`Xenova/whisper-base`, `onnx-community/whisper-base` → base): ports of one model run alike. */
export const modelKey = (nameOrRepo: string): string => (nameOrRepo.split('/').pop() ?? '').toLowerCase().replace(/^whisper-/, '').replace(/-onnx$/, '');

const sizeOf = (nameOrRepo: string) => SIZES.find((s) => s.pattern.test(modelKey(nameOrRepo))) ?? LARGE;

/** Cost of a catalog name or of a repo; unknown ones count as large. */
export const modelCost = (nameOrRepo: string): number => sizeOf(nameOrRepo).cost;

/** How accurate a model is among Whisper's sizes (1 tiny … 6 large; turbo and distil-large 5): bigger is more accurate. */
export const modelRank = (nameOrRepo: string): number => sizeOf(nameOrRepo).rank;

const qualityCost = (quality: Quality): number => (quality === 'fast' ? 1 : quality === 'best' ? BEST_OVER_FAST : BEST_OVER_FAST * 1.5);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * This model's RTF on `device` decoded `quality`: its own runs here in that decoding, else scaled
 * from every run here (other decodings, other models), else a default. `repo`: a repo or catalog name.
 */
export function estimateRtf(repo: string, device: Device, quality: Quality, history: readonly RtfRecord[]): SpeedEstimate {
  const here = history.filter((r) => r.device === device);
  const own = here.filter((r) => modelKey(r.repo) === modelKey(repo) && (r.quality ?? 'best') === quality).map((r) => r.rtf);
  if (own.length > 0) return { rtf: median(own), measured: true };
  const target = modelCost(repo) * qualityCost(quality);
  const scaled = here.map((r) => (r.rtf * target) / (modelCost(r.repo) * qualityCost(r.quality ?? 'best')));
  return { rtf: scaled.length > 0 ? median(scaled) : DEFAULT_TINY_FAST_RTF[device] * target, measured: false };
}

/** `~6× real time` from an RTF. */
export const speedText = (rtf: number): string => `~${Math.max(1, Math.round(1 / rtf))}× real time`;

/** What a person reads about a model's speed here, once it has run here (null before). */
export function measuredSpeed(repo: string, device: Device, history: readonly RtfRecord[]): string | null {
  const runs = (['fast', 'best', 'beam'] as const).map((quality) => ({ quality, ...estimateRtf(repo, device, quality, history) })).filter((s) => s.measured);
  if (runs.length === 0) return null;
  const name = { fast: 'Fast', best: 'Best', beam: 'beam search' };
  return `On this device: ${runs.map((s) => `${speedText(s.rtf)} (${name[s.quality]})`).join(', ')}`;
}
