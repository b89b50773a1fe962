import type { DeviceProfile } from '../../core/catalog/recommend.ts';
import { threadsFor } from '../../core/transcribe/thread-count.ts';
import { adapterFacts, isSoftwareAdapter, type AdapterLike } from '../../core/transcribe/software-adapter.ts';

interface ProbeNavigator {
  readonly hardwareConcurrency?: number;
  readonly deviceMemory?: number;
  readonly storage?: { estimate(): Promise<{ quota?: number; usage?: number }> };
  readonly gpu?: { requestAdapter(): Promise<(AdapterLike & { features?: { has(name: string): boolean } }) | null> };
}

/** What this device offers for transcription, probed once: GPU (real or software), threads, memory, storage. */
export class DeviceInfo {
  profile = $state.raw<DeviceProfile | null>(null);

  async probe(nav: ProbeNavigator, isolated: boolean): Promise<void> {
    const adapter = await nav.gpu?.requestAdapter().catch(() => null);
    const facts = adapterFacts(adapter);
    const estimate = await nav.storage?.estimate().catch(() => null);
    const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : null;
    this.profile = Object.freeze({
      gpu: facts === null ? 'none' : isSoftwareAdapter(facts) ? 'software' : 'real',
      shaderF16: adapter?.features?.has('shader-f16') ?? false,
      threads: threadsFor(isolated, nav.hardwareConcurrency),
      memoryGiB: nav.deviceMemory ?? null,
      freeBytes: free,
    });
  }
}
