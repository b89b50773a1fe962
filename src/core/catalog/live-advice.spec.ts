import { describe, expect, it } from 'vitest';
import { liveAdvice } from './live-advice.ts';

describe('liveAdvice', () => {
  it('warns before live captions with a model too slow here, and says nothing for one that keeps up', () => {
    expect(liveAdvice('Xenova/whisper-base', 'wasm', [])).toBeNull();
    expect(liveAdvice('Xenova/whisper-small', 'wasm', [])).toMatch(/^whisper-small runs ~\d+× real time here \(estimated\): live captions would trail/);
    const fast = [{ repo: 'Xenova/whisper-small', device: 'wasm' as const, quality: 'fast' as const, rtf: 0.1 }];
    expect(liveAdvice('Xenova/whisper-small', 'wasm', fast)).toBeNull();
  });
});
