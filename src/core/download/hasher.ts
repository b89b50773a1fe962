/** Which digest checks a file: LFS files against sha256, small files against their git blob id. */
export type HashKind = 'sha256' | 'git-sha1';

/** An incremental hash; `update` may apply backpressure by returning a promise. */
export interface Hasher {
  update(chunk: Uint8Array): void | Promise<void>;
  digest(): Promise<string>;
  /** Free the hash state without a digest (a cancelled or restarted file); safe to call twice. */
  dispose(): void;
}

/** Makes a hasher; `size` lets git-sha1 hash its "blob <size>\0" header first. */
export type HasherFactory = (kind: HashKind, size: number) => Promise<Hasher>;
