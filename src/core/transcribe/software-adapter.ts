/** What a WebGPU adapter says about itself (`GPUAdapter.info`, `isFallbackAdapter`). */
export interface AdapterFacts {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

/**
 * A CPU-emulated WebGPU adapter (Chromium's SwiftShader, Mesa's llvmpipe/lavapipe, Windows'
 * Basic Render Driver): Whisper runs on it, but some 50× slower than on WASM, so Auto never picks it.
 */
export function isSoftwareAdapter(facts: AdapterFacts): boolean {
  if (facts.isFallbackAdapter) return true;
  const text = [facts.vendor, facts.architecture, facts.device, facts.description].join(' ');
  return /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i.test(text);
}

/** A WebGPU adapter as `requestAdapter()` gives it (older builds put `isFallbackAdapter` on the adapter, newer on its info). */
export interface AdapterLike {
  readonly info?: AdapterFacts;
  readonly isFallbackAdapter?: boolean;
}

/** What an adapter says about itself, wherever the browser puts it; null without an adapter. */
export function adapterFacts(adapter: AdapterLike | null | undefined): AdapterFacts | null {
  return adapter ? { ...adapter.info, isFallbackAdapter: adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter } : null;
}
