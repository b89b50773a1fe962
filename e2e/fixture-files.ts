import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { whisperTinyDir } from './hub/fixture-paths.ts';

/** The files a q8 download of whisper-tiny must store, with the sha256 of the fixture bytes. */
export const WHISPER_TINY_Q8 = [
  'config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json',
  'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx',
];

export function fixtureSha256(path: string): string {
  return createHash('sha256').update(readFileSync(join(whisperTinyDir(), path))).digest('hex');
}

export const WHISPER_TINY_Q8_BYTES = WHISPER_TINY_Q8.reduce((sum, p) => sum + statSync(join(whisperTinyDir(), p)).size, 0);
