import { isSoftwareAdapter, type AdapterFacts } from './software-adapter.ts';
import type { Device, DevicePreference } from './decode-options.ts';

export interface DeviceChoice {
  readonly device: Device;
  /** Shown next to "Running on …", so a person knows why. */
  readonly reason: string;
}

const describe = (a: AdapterFacts): string => [a.vendor, a.architecture].filter(Boolean).join(' ') || 'unnamed';

/** Where to run, from the Settings preference and the WebGPU adapter the browser offers (null: none). */
export function chooseDevice(preference: DevicePreference, adapter: AdapterFacts | null): DeviceChoice {
  if (preference === 'wasm') return { device: 'wasm', reason: 'WASM chosen in Settings' };
  if (preference === 'webgpu') {
    return adapter
      ? { device: 'webgpu', reason: `WebGPU chosen in Settings (${describe(adapter)}${isSoftwareAdapter(adapter) ? ', a software adapter: slow' : ''})` }
      : { device: 'wasm', reason: 'WebGPU chosen in Settings, but this browser offers no WebGPU adapter' };
  }
  if (!adapter) return { device: 'wasm', reason: 'Auto: this browser offers no WebGPU adapter' };
  if (isSoftwareAdapter(adapter)) return { device: 'wasm', reason: `Auto: the only WebGPU adapter is a software one (${describe(adapter)}), slower than WASM` };
  return { device: 'webgpu', reason: `Auto: GPU adapter ${describe(adapter)}` };
}
