import { describe, expect, it } from 'vitest';
import { autoQuality, recommend, type DeviceProfile } from './recommend.ts';
import type { RtfRecord } from './model-speed.ts';
import { WHISPER_CATALOG } from './whisper-catalog.ts';

const cpu: DeviceProfile = { gpu: 'software', shaderF16: false, threads: 2, memoryGiB: 8, freeBytes: 10e9 };
const gpu: DeviceProfile = { gpu: 'real', shaderF16: true, threads: 8, memoryGiB: 16, freeBytes: 50e9 };
const run = (repo: string, quality: 'fast' | 'best', rtf: number): RtfRecord => ({ repo, device: 'wasm', quality, rtf });

describe('recommend', () => {
  it('on a 2-core CPU: base decoded Best (beams only where unsure keep it 5× real time), small as the more accurate one, tiny as the faster one, each with why', () => {
    const list = recommend(WHISPER_CATALOG, cpu, []);
    expect(list.map((r) => [r.entry.name, r.role, r.quality])).toEqual([['base', 'recommended', 'best'], ['small', 'more accurate', 'fast'], ['tiny', 'faster', 'best']]);
    expect(list[0].why).toMatch(/^Recommended: runs on CPU, ~\d+× real time, decoded Best$/);
    expect(list[1].why).toMatch(/^More accurate: ~\d+× real time, decoded Fast$/);
  });
  it('with a real GPU, a bigger multilingual model', () => {
    const list = recommend(WHISPER_CATALOG, gpu, []);
    expect(list[0].entry.name).toBe('large-v3-turbo');
    expect(list[0].why).toMatch(/^Recommended: fast on your GPU, ~\d+× real time, decoded (Fast|Best)$/);
  });
  it('leaves out what does not fit storage or memory', () => {
    expect(recommend(WHISPER_CATALOG, { ...gpu, freeBytes: 200e6 }, []).every((r) => r.entry.approxMB * 1e6 <= 160e6)).toBe(true);
    expect(recommend(WHISPER_CATALOG, { ...cpu, memoryGiB: 1 }, []).map((r) => r.entry.name)).toEqual(['base', 'tiny']);
  });
  it('follows what ran here: a slow device is pointed to a smaller model, a fast one to a bigger', () => {
    const slow = [run('Xenova/whisper-base', 'fast', 0.4), run('Xenova/whisper-tiny', 'fast', 0.25)];
    expect(recommend(WHISPER_CATALOG, cpu, slow)[0].entry.name).toBe('tiny');
    const fast = [run('Xenova/whisper-tiny', 'fast', 0.03), run('Xenova/whisper-base', 'best', 0.08)];
    const list = recommend(WHISPER_CATALOG, cpu, fast);
    expect(list.map((r) => r.entry.name)).toEqual(['small', 'medium', 'base']);
    expect(list[2].why).toBe('Faster: ~13× real time (measured here), decoded Best');
  });
  it('on a device too slow for any, the smallest one', () => {
    expect(recommend(WHISPER_CATALOG, cpu, [run('Xenova/whisper-tiny', 'fast', 2)]).map((r) => r.entry.name)).toEqual(['tiny']);
  });
});

describe('autoQuality', () => {
  it('beams where unsure when that stays four times faster than real time here, and never on long media', () => {
    expect(autoQuality('Xenova/whisper-tiny', 'wasm', 60, [])).toBe('best');
    expect(autoQuality('Xenova/whisper-small', 'wasm', 60, [])).toBe('fast');
    expect(autoQuality('Xenova/whisper-base', 'wasm', 60, [run('Xenova/whisper-base', 'best', 0.25)])).toBe('fast');
    expect(autoQuality('Xenova/whisper-base', 'wasm', 60, [run('Xenova/whisper-base', 'best', 0.1)])).toBe('best');
    expect(autoQuality('Xenova/whisper-tiny', 'wasm', 900, [])).toBe('fast');
  });
});
