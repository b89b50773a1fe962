/**
 * Where model bytes live (OPFS in the browser, memory in specs). Files are addressed by
 * repo, commit and path, so two revisions never overwrite each other.
 */
export interface FileKey {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
}

/** An open file; writes land at an offset so a resume appends where the bytes on disk end. */
export interface StoredFile {
  size(): number;
  write(data: Uint8Array, at: number): void;
  read(into: Uint8Array, at: number): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

export interface ModelStore {
  /** Opens (creating) a file for exclusive writing. */
  open(key: FileKey): Promise<StoredFile>;
  /** Bytes on disk, or null when the file does not exist. */
  sizeOf(key: FileKey): Promise<number | null>;
  remove(key: FileKey): Promise<void>;
  /** Removes every file of a repo, all commits. */
  removeRepo(repo: string): Promise<void>;
  /** Removes one commit's files of a repo (an installed model after its update). */
  removeCommit(repo: string, commit: string): Promise<void>;
  /** A file's bytes for reading without locking it (others may be reading too), or null when it does not exist. */
  readStream(key: FileKey): Promise<ReadableStream<Uint8Array> | null>;
  /** Every commit folder on disk, with its bytes: what an orphan sweep compares with the records. */
  listCommits(): Promise<readonly { readonly repo: string; readonly commit: string; readonly bytes: number }[]>;
  /** Total bytes on disk for a repo. */
  repoBytes(repo: string): Promise<number>;
}
