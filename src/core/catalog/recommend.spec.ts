import { describe, expect, it } from 'vitest';
import { estimateRtf, recommend, type DeviceProfile } from './recommend.ts';
import { WHISPER_CATALOG } from './whisper-catalog.ts';

const cpu: DeviceProfile = { gpu: 'software', shaderF16: false, threads: 2, memoryGiB: 8, freeBytes: 10e9 };
const gpu: DeviceProfile = { gpu: 'real', shaderF16: true, threads: 8, memoryGiB: 16, freeBytes: 50e9 };
const tiny = WHISPER_CATALOG.find((e) => e.name === 'tiny')!;
const small = WHISPER_CATALOG.find((e) => e.name === 'small')!;

describe('recommend', () => {
  it('on a CPU-only device, small models that run faster than real time, biggest first, each with why', () => {
    const list = recommend(WHISPER_CATALOG, cpu, []);
    expect(list.map((r) => r.entry.name)).toEqual(['base', 'base.en', 'tiny']);
    expect(list[0].why).toBe('runs on CPU, ~3× real time');
  });
  it('with a real GPU, bigger models', () => {
    const list = recommend(WHISPER_CATALOG, gpu, []);
    expect(list[0].entry.name).toBe('large-v3-turbo');
    expect(list[0].why).toMatch(/^fast on your GPU, ~\d+× real time$/);
  });
  it('leaves out what does not fit storage or memory', () => {
    expect(recommend(WHISPER_CATALOG, { ...gpu, freeBytes: 200e6 }, []).every((r) => r.entry.approxMB * 1e6 <= 160e6)).toBe(true);
    expect(recommend(WHISPER_CATALOG, { ...gpu, memoryGiB: 2 }, []).every((r) => r.entry.approxMB <= 360)).toBe(true);
  });
  it('estimates from what was measured on this device', () => {
    const history = [{ repo: tiny.repo, device: 'wasm' as const, rtf: 0.05 }, { repo: tiny.repo, device: 'wasm' as const, rtf: 0.07 }];
    expect(estimateRtf(tiny, 'wasm', history)).toEqual({ rtf: 0.07, measured: true });
    expect(estimateRtf(small, 'wasm', history).rtf).toBeCloseTo(0.07 * 5.5, 3);
    expect(recommend(WHISPER_CATALOG, cpu, history).map((r) => r.entry.name)).toContain('small');
    expect(recommend(WHISPER_CATALOG, cpu, history).find((r) => r.entry.name === 'tiny')?.why ?? 'measured here').toContain('measured here');
    expect(estimateRtf(small, 'wasm', [{ repo: 'Xenova/whisper-tiny', device: 'wasm', rtf: 0.1 }]).rtf).toBeCloseTo(0.55, 3);
  });
});
