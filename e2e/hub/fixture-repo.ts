import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gitBlobOid, hashStream, lfsPointer } from './git-oid.ts';
import { memo } from './memo.ts';
import type { HubFile, HubRepo } from './repo-types.ts';

/** Like the hub: weights and anything over 10 MB live in LFS. */
const isLfs = (path: string, size: number): boolean =>
  /\.(onnx|onnx_data|bin|safetensors)$/.test(path) || /_data(_\d+)?$/.test(path) || size > 10_000_000;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function diskFile(root: string, absolute: string): HubFile {
  const path = relative(root, absolute).split(sep).join('/');
  const size = statSync(absolute).size;
  const lfs = isLfs(path, size);
  const sha256 = memo(() => hashStream('sha256', createReadStream(absolute)));
  const gitOid = memo(async () =>
    lfs ? gitBlobOid(lfsPointer(await sha256(), size)) : hashStream('sha1', createReadStream(absolute), `blob ${size}\0`),
  );
  return { path, size, lfs, sha256, gitOid, open: (start, end) => createReadStream(absolute, { start, end }) };
}

/** A repo whose files are a folder on disk in hub layout. */
export function fixtureRepo(options: { id: string; sha: string; dir: string; gated?: boolean }): HubRepo {
  const files = walk(options.dir)
    .map((absolute) => diskFile(options.dir, absolute))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { id: options.id, sha: options.sha, gated: options.gated ?? false, files };
}
