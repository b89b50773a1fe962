import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { whisperTinyDir } from './hub/fixture-paths.ts';

/** The real whisper-tiny files the double serves, with their sizes, read from disk. */
export function whisperTinyFiles(): { path: string; size: number }[] {
  const root = whisperTinyDir();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(root).map((file) => ({ path: relative(root, file), size: statSync(file).size }));
}
