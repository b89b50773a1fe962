import { describe, expect, it } from 'vitest';
import type { RepoFile } from '../hub/list-repo-files.ts';
import { availablePlans, planFiles } from './file-plan.ts';

const f = (path: string, size = 10, sha256: string | null = null): RepoFile => ({ path, size, oid: `oid-${path}`, sha256 });
const json = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json', 'vocab.json', 'merges.txt'].map((p) => f(p));
const onnx = (suffix: string, size: number) => [f(`onnx/encoder_model${suffix}.onnx`, size, 'e'), f(`onnx/decoder_model_merged${suffix}.onnx`, size, 'd'), f(`onnx/decoder_model${suffix}.onnx`, size, 'x')];

describe('planFiles', () => {
  it('takes the JSON files transformers.js asks for and the two ONNX files of the dtype', () => {
    const plan = planFiles('o/m', 'c', [...json, ...onnx('_quantized', 100), ...onnx('_fp16', 200)], 'q8');
    expect(plan?.files.map((x) => x.path)).toEqual([
      'config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json', 'generation_config.json',
      'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx',
    ]);
    expect(plan?.totalBytes).toBe(5 * 10 + 200);
  });

  it('adds external data files in numeric order when the repo has them', () => {
    const listing = [...json, ...onnx('', 1000), f('onnx/encoder_model.onnx_data', 5000), f('onnx/encoder_model.onnx_data_10', 1), f('onnx/encoder_model.onnx_data_2', 1)];
    const plan = planFiles('o/m', 'c', listing, 'fp32');
    expect(plan?.files.map((x) => x.path).filter((p) => p.includes('_data'))).toEqual([
      'onnx/encoder_model.onnx_data', 'onnx/encoder_model.onnx_data_2', 'onnx/encoder_model.onnx_data_10',
    ]);
  });

  it('has no plan when a needed file is missing, and offers only complete dtypes', () => {
    expect(planFiles('o/m', 'c', [...json.slice(1), ...onnx('', 1)], 'fp32')).toBeNull();
    const listing = [...json, ...onnx('_q4', 1), f('onnx/encoder_model_fp16.onnx')];
    expect(availablePlans('o/m', 'c', listing).map((p) => p.dtype)).toEqual(['q4', 'fp16+q4']);
  });

  it('plans a mixed precision model: the encoder in one dtype, the decoder in another, with exact sizes', () => {
    const listing = [...json, ...onnx('', 1000), ...onnx('_q4', 100), ...onnx('_fp16', 500)];
    const plan = planFiles('o/m', 'c', listing, 'fp32+q4');
    expect(plan?.files.map((x) => x.path).filter((p) => p.startsWith('onnx/'))).toEqual(['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_q4.onnx']);
    expect(plan?.totalBytes).toBe(5 * 10 + 1000 + 100);
    expect(availablePlans('o/m', 'c', listing).map((p) => p.dtype)).toEqual(['fp32', 'fp16', 'q4', 'fp32+q4', 'fp16+q4']);
  });
});
