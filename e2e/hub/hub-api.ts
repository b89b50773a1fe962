import type { ServerResponse } from 'node:http';
import { lfsPointer } from './git-oid.ts';
import type { HubRepo } from './repo-types.ts';

async function treeEntries(repo: HubRepo, prefix: string): Promise<object[]> {
  const inside = repo.files.filter((f) => prefix === '' || f.path.startsWith(`${prefix}/`));
  const dirs = [...new Set(inside.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
    .filter((d) => prefix === '' || d.startsWith(`${prefix}/`));
  const files = await Promise.all(
    inside.map(async (f) => ({
      type: 'file',
      oid: await f.gitOid(),
      size: f.size,
      path: f.path,
      ...(f.lfs ? { lfs: { oid: await f.sha256(), size: f.size, pointerSize: Buffer.byteLength(lfsPointer(await f.sha256(), f.size)) } } : {}),
    })),
  );
  const directories = dirs.map((path) => ({ type: 'directory', oid: '0'.repeat(40), size: 0, path }));
  return [...directories, ...files].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * `GET /api/models/{repo}/tree/{rev}[/{path}]?recursive=true`, paged with
 * `Link: <…&cursor=N>; rel="next"` like the hub (the double pages small to exercise it).
 */
export async function sendTree(res: ServerResponse, repo: HubRepo, url: URL, prefix: string, pageSize: number, linkOrigin: string | null = null): Promise<void> {
  const all = await treeEntries(repo, prefix);
  const recursive = url.searchParams.get('recursive') === 'true' || url.searchParams.get('recursive') === '1';
  const depth = prefix === '' ? 0 : prefix.split('/').length;
  const entries = recursive ? all : all.filter((e) => (e as { path: string }).path.split('/').length === depth + 1);
  const cursor = Number(url.searchParams.get('cursor') ?? '0');
  const page = entries.slice(cursor, cursor + pageSize);
  if (cursor + pageSize < entries.length) {
    const next = new URL(url.pathname + url.search, linkOrigin ?? url.origin);
    next.searchParams.set('cursor', String(cursor + pageSize));
    res.setHeader('Link', `<${next.href}>; rel="next"`);
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(page));
}

/** `GET /api/models/{repo}[/revision/{rev}]`: model info with the commit `sha` and `siblings`. */
export function sendModelInfo(res: ServerResponse, repo: HubRepo): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(
    JSON.stringify({
      _id: repo.sha.slice(0, 24),
      id: repo.id,
      modelId: repo.id,
      sha: repo.sha,
      private: false,
      gated: repo.gated ? 'manual' : false,
      pipeline_tag: 'automatic-speech-recognition',
      library_name: 'transformers.js',
      downloads: 0,
      likes: 0,
      lastModified: '2024-01-01T00:00:00.000Z',
      siblings: repo.files.map((f) => ({ rfilename: f.path })),
    }),
  );
}
