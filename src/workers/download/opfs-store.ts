import type { ModelStore, StoredFile } from '../../core/store/model-store.ts';
import { isNotFound, modelFile, modelFileParent, modelsDir, repoDir } from '../shared/opfs-models.ts';

async function directoryBytes(dir: FileSystemDirectoryHandle): Promise<number> {
  let total = 0;
  for await (const handle of dir.values()) {
    total += handle.kind === 'file' ? (await handle.getFile()).size : await directoryBytes(handle);
  }
  return total;
}

/** Null where the file or folder does not exist. */
async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Model bytes in the Origin Private File System, written through sync access handles (dedicated workers only). */
export const opfsStore: ModelStore = {
  async open(key) {
    const handle = await (await modelFile(key, true)).createSyncAccessHandle();
    const stored: StoredFile = {
      size: () => handle.getSize(),
      write: (data, at) => {
        const written = handle.write(data, { at });
        if (written !== data.byteLength) throw new DOMException('Short write: storage is full', 'QuotaExceededError');
      },
      read: (into, at) => handle.read(into, { at }),
      truncate: (size) => handle.truncate(size),
      flush: () => handle.flush(),
      close: () => handle.close(),
    };
    return stored;
  },
  sizeOf: (key) => orNull(async () => (await (await modelFile(key, false)).getFile()).size),
  async remove(key) {
    await orNull(async () => {
      const { dir, name } = await modelFileParent(key, false);
      await dir.removeEntry(name);
    });
  },
  removeCommit: async (repo, commit) => void (await orNull(async () => (await repoDir(repo, false)).removeEntry(commit, { recursive: true }))),
  readStream: async (key) => orNull(async () => (await (await modelFile(key, false)).getFile()).stream()),
  removeRepo: async (repo) => void (await orNull(async () => (await modelsDir()).removeEntry(encodeURIComponent(repo), { recursive: true }))),
  async listCommits() {
    const found: { repo: string; commit: string; bytes: number }[] = [];
    for await (const repo of (await modelsDir()).values()) {
      if (repo.kind !== 'directory') continue;
      for await (const commit of repo.values()) {
        if (commit.kind === 'directory') found.push({ repo: decodeURIComponent(repo.name), commit: commit.name, bytes: await directoryBytes(commit) });
      }
    }
    return found;
  },
  repoBytes: async (repo) => (await orNull(async () => directoryBytes(await repoDir(repo, false)))) ?? 0,
};
