import { describe, expect, it } from 'vitest';
import { fitsMemory, memoryNeeded, memoryWarning, type DeviceProfile } from './model-fit.ts';
import { WHISPER_CATALOG } from './whisper-catalog.ts';

const byName = (name: string) => WHISPER_CATALOG.find((e) => e.name === name)!;
const device = (memoryGiB: number | null): DeviceProfile => ({ gpu: 'none', shaderF16: false, threads: 2, memoryGiB, freeBytes: null });

describe('model fit', () => {
  it('memory needed grows with the weights and is more than the weights', () => {
    const [tiny, small, large] = ['tiny', 'small', 'large-v3'].map((n) => memoryNeeded(byName(n)));
    expect(tiny).toBeGreaterThan(41e6);
    expect(tiny < small && small < large).toBe(true);
  });
  it('says so before the download when the device reports too little memory, and nothing when it fits or does not say', () => {
    expect(fitsMemory(byName('large-v3'), device(2))).toBe(false);
    expect(memoryWarning(byName('large-v3'), device(2))).toMatch(/^Needs about [\d.]+ GB of memory to run; this device reports 2 GB/);
    expect(memoryWarning(byName('tiny'), device(2))).toBeNull();
    expect(memoryWarning(byName('large-v3'), device(null))).toBeNull();
    // 8 is the most the browser says: such a device may well have 32 GB.
    expect(memoryWarning(byName('large-v3'), device(8))).toBeNull();
    expect(fitsMemory(byName('small'), device(2))).toBe(false);
    expect(fitsMemory(byName('small'), device(4))).toBe(true);
    expect(memoryWarning(byName('large-v3'), null)).toBeNull();
  });
});
