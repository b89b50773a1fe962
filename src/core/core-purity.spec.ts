import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/core runs in Node specs, workers and the page alike, so it may not reach for a runtime's globals. */
const BANNED = /\b(window|document|self|navigator|postMessage|caches|localStorage|indexedDB|importScripts)\b/;
const BANNED_IMPORT = /from ['"](svelte|node:[\w/]+|\.\.\/\.\.\/(ui|workers)\/)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

/** The code without comments and plain string literals (a CSP's `'self'` is text, not the global); template literals stay. */
const code = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');

describe('src/core purity', () => {
  it.each(sources(join(import.meta.dirname, '.')))('%s uses no DOM, worker or Svelte globals', (file) => {
    const text = code(readFileSync(file, 'utf8'));
    expect(text).not.toMatch(BANNED);
    expect(text).not.toMatch(BANNED_IMPORT);
  });
});
