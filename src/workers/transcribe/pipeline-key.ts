import type { InstalledManifest } from '../../core/store/records.ts';

/**
 * What one loaded model is known by in a worker: its repo and installed commit (an update's new
 * commit is a new model, never the old one kept in memory), dtype, device and threads.
 */
export function pipelineKey(repo: string, manifest: InstalledManifest | null, dtype: string, device: string, threads: number): string {
  return [repo, manifest?.commit ?? '', dtype, device, threads].join('|');
}

/** The parts of a key, to load what it names. */
export function pipelineKeyParts(key: string): { readonly repo: string; readonly dtype: string; readonly device: string; readonly threads: number } {
  const [repo, , dtype, device, threads] = key.split('|');
  return { repo, dtype, device, threads: Number(threads) };
}
