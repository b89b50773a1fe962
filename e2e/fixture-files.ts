import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { whisperTinyDir } from './hub/fixture-paths.ts';

/** The files a q8 download of whisper-tiny must store, with the sha256 of the fixture bytes. */
export const WHISPER_TINY_Q8 = [
  'config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json',
  'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx',
];

/** sha256 of a fixture model's file (whisper-tiny's unless `dir` names another model in hub layout). */
export function fixtureSha256(path: string, dir = whisperTinyDir()): string {
  return createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
}

/** Bytes of a q8 download of the whisper model in `dir` (the same files as tiny's). */
export const q8Bytes = (dir: string): number => WHISPER_TINY_Q8.reduce((sum, p) => sum + statSync(join(dir, p)).size, 0);

export const WHISPER_TINY_Q8_BYTES = q8Bytes(whisperTinyDir());
