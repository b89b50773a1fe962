import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { whisperTinyDir } from './hub/fixture-paths.ts';

/** The real whisper-tiny files the double serves, with their sizes, read from disk. */
export function whisperTinyFiles(): { path: string; size: number }[] {
  const root = whisperTinyDir();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(root).map((file) => ({ path: relative(root, file), size: statSync(file).size }));
}

/** The files a q8 download of whisper-tiny must store, with the sha256 of the fixture bytes. */
export const WHISPER_TINY_Q8 = [
  'config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json',
  'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx',
];

export function fixtureSha256(path: string): string {
  return createHash('sha256').update(readFileSync(join(whisperTinyDir(), path))).digest('hex');
}

export const WHISPER_TINY_Q8_BYTES = WHISPER_TINY_Q8.reduce((sum, p) => sum + statSync(join(whisperTinyDir(), p)).size, 0);
