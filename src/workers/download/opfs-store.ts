import type { FileKey, ModelStore, StoredFile } from '../../core/store/model-store.ts';

/** OPFS layout: models/<repo, URL-encoded>/<commit>/<path…>. */
const MODELS = 'models';

async function modelsDir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(MODELS, { create: true });
}

async function dirOf(key: FileKey, create: boolean): Promise<FileSystemDirectoryHandle> {
  let dir = await (await modelsDir()).getDirectoryHandle(encodeURIComponent(key.repo), { create });
  const parts = [key.commit, ...key.path.split('/').slice(0, -1)];
  for (const part of parts) dir = await dir.getDirectoryHandle(part, { create });
  return dir;
}

const fileName = (key: FileKey): string => key.path.split('/').at(-1) ?? key.path;

const notFound = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');

async function directoryBytes(dir: FileSystemDirectoryHandle): Promise<number> {
  let total = 0;
  for await (const handle of dir.values()) {
    total += handle.kind === 'file' ? (await handle.getFile()).size : await directoryBytes(handle);
  }
  return total;
}

/** Model bytes in the Origin Private File System, written through sync access handles (dedicated workers only). */
export const opfsStore: ModelStore = {
  async open(key) {
    const file = await (await dirOf(key, true)).getFileHandle(fileName(key), { create: true });
    const handle = await file.createSyncAccessHandle();
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

  async sizeOf(key) {
    try {
      const file = await (await dirOf(key, false)).getFileHandle(fileName(key));
      return (await file.getFile()).size;
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  },

  async remove(key) {
    try {
      await (await dirOf(key, false)).removeEntry(fileName(key));
    } catch (error) {
      if (!notFound(error)) throw error;
    }
  },

  async removeRepo(repo) {
    try {
      await (await modelsDir()).removeEntry(encodeURIComponent(repo), { recursive: true });
    } catch (error) {
      if (!notFound(error)) throw error;
    }
  },

  async repoBytes(repo) {
    try {
      return await directoryBytes(await (await modelsDir()).getDirectoryHandle(encodeURIComponent(repo)));
    } catch (error) {
      if (notFound(error)) return 0;
      throw error;
    }
  },
};
