import type { DeviceProfile } from '../../core/catalog/recommend.ts';
import { isSoftwareAdapter, type AdapterFacts } from '../../core/transcribe/software-adapter.ts';

interface ProbeNavigator {
  readonly hardwareConcurrency?: number;
  readonly deviceMemory?: number;
  readonly storage?: { estimate(): Promise<{ quota?: number; usage?: number }> };
  readonly gpu?: { requestAdapter(): Promise<{ info?: AdapterFacts; isFallbackAdapter?: boolean; features?: { has(name: string): boolean } } | null> };
}

/** What this device offers for transcription, probed once: GPU (real or software), threads, memory, storage. */
export class DeviceInfo {
  profile = $state.raw<DeviceProfile | null>(null);

  async probe(nav: ProbeNavigator, isolated: boolean): Promise<void> {
    const adapter = await nav.gpu?.requestAdapter().catch(() => null);
    const facts = adapter ? { ...adapter.info, isFallbackAdapter: adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter } : null;
    const estimate = await nav.storage?.estimate().catch(() => null);
    const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : null;
    this.profile = Object.freeze({
      gpu: facts === null ? 'none' : isSoftwareAdapter(facts) ? 'software' : 'real',
      shaderF16: adapter?.features?.has('shader-f16') ?? false,
      threads: isolated ? Math.max(1, Math.min(4, nav.hardwareConcurrency ?? 1)) : 1,
      memoryGiB: nav.deviceMemory ?? null,
      freeBytes: free,
    });
  }
}
