import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of src/core: its folders (domains) depend on each other without loops, and a protocol
 * file (`*-protocol.ts`) holds only messages — the domain types they carry live in their domains,
 * and domain code never reaches back into a protocol (only message builders, `*-messages.ts`, do).
 */
const CORE = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

const folderOf = (file: string): string => relative(CORE, dirname(file)).split('/')[0] || '.';
const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1])).filter((t) => t.startsWith(CORE));

/** Folder → the folders its files import. */
export function folderGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    for (const target of imports(file)) {
      const to = folderOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** A loop in the graph, as the folders along it, or null. */
export function findLoop(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next, [...path, node]);
      if (loop) return loop;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const loop = visit(node, []);
    if (loop) return loop;
  }
  return null;
}

/** Types a protocol file may declare: messages and their parts, named for what they are. */
const MESSAGE_TYPE = /(Request|Reply|Result|Update|Message|Ack)$/;
const declaredTypes = (text: string): string[] => [...text.matchAll(/^export\s+(?:interface|type)\s+(\w+)/gm)].map((m) => m[1]);

describe('src/core shape', () => {
  const files = sources(CORE);

  it('its folders depend on each other without loops', () => {
    expect(findLoop(folderGraph(files))).toBeNull();
  });

  it('finds a loop when there is one (the check can fail)', () => {
    const graph = new Map([['media', new Set(['transcribe'])], ['transcribe', new Set(['subtitles'])], ['subtitles', new Set(['media'])]]);
    expect(findLoop(graph)).toEqual(['media', 'transcribe', 'subtitles', 'media']);
  });

  it.each(files.filter((f) => f.endsWith('-protocol.ts')).map((f) => relative(CORE, f)))('%s declares messages only', (file) => {
    const domain = declaredTypes(readFileSync(join(CORE, file), 'utf8')).filter((name) => !MESSAGE_TYPE.test(name));
    expect(domain, 'domain types belong in their domain folder').toEqual([]);
  });

  it('domain code does not import protocol files (message builders excepted)', () => {
    const reaching = files.filter((f) => !/-(protocol|messages)\.ts$/.test(f) && imports(f).some((t) => t.endsWith('-protocol.ts')));
    expect(reaching.map((f) => relative(CORE, f))).toEqual([]);
  });
});
