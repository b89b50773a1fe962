import { describe, expect, it } from 'vitest';
import { adapterFacts, isSoftwareAdapter } from './software-adapter.ts';
import { threadsFor } from './thread-count.ts';

describe('isSoftwareAdapter', () => {
  it('knows CPU-emulated adapters from real GPUs', () => {
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3' })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'intel', architecture: 'gen-12lp' })).toBe(false);
  });

  it('reads isFallbackAdapter from the adapter or its info', () => {
    expect(adapterFacts({ info: { vendor: 'x' }, isFallbackAdapter: true })).toEqual({ vendor: 'x', isFallbackAdapter: true });
    expect(adapterFacts({ info: { vendor: 'x', isFallbackAdapter: true } })?.isFallbackAdapter).toBe(true);
    expect(adapterFacts(null)).toBeNull();
  });
});

describe('threadsFor', () => {
  it('uses threads only when cross-origin isolated, up to 4', () => {
    expect([threadsFor(false, 8), threadsFor(true, 2), threadsFor(true, 16), threadsFor(true, undefined)]).toEqual([1, 2, 4, 1]);
  });
});
