import { describe, expect, it } from 'vitest';
import { createResampler } from './resampler.ts';

const sine = (hz: number, rate: number, seconds: number): Float32Array => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

function rms(x: Float32Array): number {
  return Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
}

function inChunks(input: Float32Array, rate: number, size: number): Float32Array {
  const r = createResampler(rate, 16_000);
  const parts: Float32Array[] = [];
  for (let i = 0; i < input.length; i += size) parts.push(r.push(input.subarray(i, i + size)));
  parts.push(r.flush());
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) [out.set(p, at), (at += p.length)];
  return out;
}

describe('createResampler', () => {
  it('turns 1 s at 44.1 kHz into 1 s at 16 kHz, keeping a 1 kHz tone in phase and level', () => {
    const out = inChunks(sine(1000, 44_100, 1), 44_100, 4096);
    expect(out.length).toBe(16_000);
    const expected = sine(1000, 16_000, 1);
    const middle = (x: Float32Array): Float32Array => x.subarray(1000, 15_000);
    const error = rms(Float32Array.from(middle(out), (v, i) => v - middle(expected)[i]));
    expect(error).toBeLessThan(0.01);
  });

  it('removes what 16 kHz cannot carry instead of folding it down (a 12 kHz tone at 48 kHz)', () => {
    const out = inChunks(sine(12_000, 48_000, 1), 48_000, 1000);
    expect(rms(out.subarray(500, 15_500))).toBeLessThan(0.01);
  });

  it('gives the same samples whatever the chunk sizes', () => {
    const input = Float32Array.from({ length: 30_000 }, (_, i) => Math.sin(i / 7) * Math.cos(i / 53));
    const whole = inChunks(input, 22_050, input.length);
    const small = inChunks(input, 22_050, 317);
    expect(small.length).toBe(whole.length);
    expect(Math.max(...small.map((v, i) => Math.abs(v - whole[i])))).toBeLessThan(1e-6);
  });

  it('passes 16 kHz through and upsamples 8 kHz', () => {
    expect(inChunks(sine(440, 16_000, 0.5), 16_000, 999)).toEqual(sine(440, 16_000, 0.5));
    expect(inChunks(sine(440, 8000, 0.5), 8000, 999).length).toBe(8000);
  });
});
