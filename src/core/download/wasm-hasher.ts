import { createSHA1, createSHA256 } from 'hash-wasm';
import type { Hasher, HasherFactory } from './hasher.ts';

/** An in-thread hasher (hash-wasm): used where the hash worker is not, e.g. inside it and in specs. */
export const createWasmHasher: HasherFactory = async (kind, size) => {
  const hash = kind === 'sha256' ? await createSHA256() : await createSHA1();
  hash.init();
  if (kind === 'git-sha1') hash.update(`blob ${size}\0`);
  const hasher: Hasher = {
    update: (chunk) => void hash.update(chunk),
    digest: async () => hash.digest('hex'),
    dispose: () => undefined, // garbage-collected with the closure
  };
  return hasher;
};
