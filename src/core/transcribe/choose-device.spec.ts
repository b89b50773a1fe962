import { describe, expect, it } from 'vitest';
import { chooseDevice } from './choose-device.ts';

const gpu = { vendor: 'nvidia', architecture: 'ampere' };
const swiftshader = { vendor: 'google', architecture: 'swiftshader' };

describe('chooseDevice', () => {
  it('Auto takes a real GPU, never a software adapter, and says why', () => {
    expect(chooseDevice('auto', gpu)).toEqual({ device: 'webgpu', reason: 'Auto: GPU adapter nvidia ampere' });
    expect(chooseDevice('auto', swiftshader)).toMatchObject({ device: 'wasm', reason: expect.stringContaining('software one (google swiftshader)') });
    expect(chooseDevice('auto', null).device).toBe('wasm');
  });
  it('follows Settings, and says when WebGPU cannot be had', () => {
    expect(chooseDevice('webgpu', swiftshader)).toMatchObject({ device: 'webgpu', reason: expect.stringContaining('software adapter: slow') });
    expect(chooseDevice('webgpu', null)).toMatchObject({ device: 'wasm', reason: expect.stringContaining('no WebGPU adapter') });
    expect(chooseDevice('wasm', gpu).device).toBe('wasm');
  });
});
