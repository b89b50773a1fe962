import { describe, expect, it } from 'vitest';
import { offeredOnThisDevice, partDtypes, pipelineDtype } from './dtypes.ts';

describe('dtypes', () => {
  it('tells the encoder and decoder dtype, and what transformers.js takes', () => {
    expect(partDtypes('q8')).toEqual(['q8', 'q8']);
    expect(partDtypes('fp32+q4')).toEqual(['fp32', 'q4']);
    expect(pipelineDtype('q8')).toBe('q8');
    expect(pipelineDtype('fp16+q4')).toEqual({ encoder_model: 'fp16', decoder_model_merged: 'q4' });
  });
});

describe('offeredOnThisDevice', () => {
  it('offers mixed precision on a real GPU only, fp16 parts only with shader-f16', () => {
    const cpu = { webgpu: false, shaderF16: false };
    expect(offeredOnThisDevice('q8', cpu)).toBe(true);
    expect(offeredOnThisDevice('fp32+q4', cpu)).toBe(false);
    expect(offeredOnThisDevice('fp32+q4', { webgpu: true, shaderF16: false })).toBe(true);
    expect(offeredOnThisDevice('fp16+q4', { webgpu: true, shaderF16: false })).toBe(false);
    expect(offeredOnThisDevice('fp16+q4', { webgpu: true, shaderF16: true })).toBe(true);
  });
});
