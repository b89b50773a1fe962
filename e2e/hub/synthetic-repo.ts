import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gitBlobOid, hashStream, lfsPointer } from './git-oid.ts';
import { memo } from './memo.ts';
import type { HubFile, HubRepo } from './repo-types.ts';

const BLOCK = 64 * 1024;

/** A 64 KiB pseudo-random pattern, fixed by the seed. */
function pattern(seed: string): Buffer {
  const out = Buffer.alloc(BLOCK);
  let state = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < BLOCK; offset += state.length) {
    state.copy(out, offset);
    state = createHash('sha256').update(state).digest();
  }
  return out;
}

/** Block k is the pattern stamped with k, so no two blocks repeat and any offset is computable. */
function block(base: Buffer, index: number): Buffer {
  const out = Buffer.from(base);
  out.writeUInt32LE(index >>> 0, 0);
  out.writeUInt32LE(Math.floor(index / 2 ** 32), 4);
  return out;
}

function* slices(base: Buffer, start: number, end: number): Generator<Buffer> {
  for (let at = start; at <= end; ) {
    const index = Math.floor(at / BLOCK);
    const from = at - index * BLOCK;
    const to = Math.min(BLOCK, end - index * BLOCK + 1);
    yield block(base, index).subarray(from, to);
    at = index * BLOCK + to;
  }
}

/**
 * A deterministic file of any size, generated on the fly.
 * `listedSha256` skips hashing for files too big to ever download (the quota test's 64 GiB).
 */
export function syntheticFile(path: string, size: number, lfs = true, listedSha256?: string): HubFile {
  const base = pattern(path);
  const open = (start: number, end: number): Readable =>
    Readable.from(slices(base, start, end), { objectMode: false });
  const sha256 = memo(async () => listedSha256 ?? hashStream('sha256', size === 0 ? Readable.from([]) : open(0, size - 1)));
  const gitOid = memo(async () => {
    if (lfs) return gitBlobOid(lfsPointer(await sha256(), size));
    return hashStream('sha1', size === 0 ? Readable.from([]) : open(0, size - 1), `blob ${size}\0`);
  });
  return { path, size, lfs, sha256, gitOid, open };
}

export function syntheticRepo(options: {
  id: string;
  files: readonly HubFile[];
  gated?: boolean;
}): HubRepo {
  const sha = createHash('sha1').update(options.id).digest('hex');
  return { id: options.id, sha, gated: options.gated ?? false, files: options.files };
}

/** A file of the given bytes (JSON, a generated model). */
export function bytesFile(path: string, content: Uint8Array, lfs = false): HubFile {
  const bytes = Buffer.from(content);
  const open = (start: number, end: number): Readable => Readable.from([bytes.subarray(start, end + 1)]);
  const sha256 = memo(async () => createHash('sha256').update(bytes).digest('hex'));
  const gitOid = memo(async () => (lfs ? gitBlobOid(lfsPointer(await sha256(), bytes.length)) : createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')));
  return { path, size: bytes.length, lfs, sha256, gitOid, open };
}
