import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './fixture-paths.ts';

/** jfk.wav from ../shared, or null where the clone has no shared folder beside it. */
export function jfkWav(): string | null {
  const path = resolve(PROJECT_ROOT, '../shared/fixtures/audio/jfk.wav');
  return existsSync(path) ? path : null;
}

/** What whisper-tiny q8 says for jfk.wav with language English (shared/reference/FACTS.md). */
export const JFK_TEXT = 'And so my fellow Americans ask not what your country can do for you, ask what you can do for your country.';
