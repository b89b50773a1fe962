import { describe, expect, it } from 'vitest';
import { estimateRtf, measuredSpeed, modelCost, type RtfRecord } from './model-speed.ts';

const tinyFast: RtfRecord = { repo: 'Xenova/whisper-tiny', device: 'wasm', quality: 'fast', rtf: 0.1 };

describe('estimateRtf', () => {
  it("uses the model's own runs here in that decoding: any port of the model counts", () => {
    const history = [tinyFast, { ...tinyFast, rtf: 0.12 }, { ...tinyFast, rtf: 0.5 }];
    expect(estimateRtf('onnx-community/whisper-tiny', 'wasm', 'fast', history)).toEqual({ rtf: 0.12, measured: true });
  });
  it('scales from other models and decodings here, and never from another device', () => {
    const small = estimateRtf('small', 'wasm', 'fast', [tinyFast]);
    expect(small.measured).toBe(false);
    expect(small.rtf).toBeCloseTo(0.1 * modelCost('small'), 5);
    expect(estimateRtf('Xenova/whisper-tiny', 'wasm', 'best', [tinyFast]).rtf).toBeGreaterThan(0.1);
    expect(estimateRtf('tiny', 'webgpu', 'fast', [tinyFast]).measured).toBe(false);
  });
  it('counts records from before decodings were told apart as Best', () => {
    const old: RtfRecord = { repo: 'Xenova/whisper-tiny', device: 'wasm', rtf: 0.2 };
    expect(estimateRtf('tiny', 'wasm', 'best', [old])).toEqual({ rtf: 0.2, measured: true });
  });
  it('costs grow with size; unknown repos count as large', () => {
    const costs = ['tiny', 'base', 'small', 'medium', 'large-v3'].map(modelCost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(modelCost('someone/odd-model')).toBe(modelCost('large-v3'));
    expect(modelCost('large-v3-turbo')).toBeLessThan(modelCost('large-v3'));
  });
});

describe('measuredSpeed', () => {
  it('says nothing before a run here, then each decoding that ran', () => {
    expect(measuredSpeed('Xenova/whisper-tiny', 'wasm', [])).toBeNull();
    expect(measuredSpeed('onnx-community/whisper-tiny', 'wasm', [tinyFast, { ...tinyFast, quality: 'best', rtf: 0.25 }])).toBe('On this device: ~10× real time (Fast), ~4× real time (Best)');
  });
});
