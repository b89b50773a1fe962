import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Hash a stream, e.g. a file's bytes, with Node's crypto. */
export async function hashStream(algorithm: 'sha1' | 'sha256', stream: Readable, prefix?: string): Promise<string> {
  const hash = createHash(algorithm);
  if (prefix !== undefined) hash.update(prefix);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The text git-lfs stores in the repo in place of a large file. */
export function lfsPointer(sha256: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${size}\n`;
}

/** Git's blob id: sha1 over "blob <size>\0" + content. */
export function gitBlobOid(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
