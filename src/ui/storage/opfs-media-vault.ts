import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { GONE, type KeptMedia, type MediaLookup, type MediaName, type MediaVault } from './media-vault.ts';

/** The permission calls of a kept handle (Chromium; not in TypeScript's DOM types yet). */
type PermissionedHandle = FileSystemFileHandle & {
  queryPermission?(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' }): Promise<PermissionState>;
};

const isMissing = (error: unknown): boolean => error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'NotReadableError');

/** A kept copy read back under the media's own name and type (the copy on disk is named by project). */
const named = (blob: Blob, as: MediaName): File => new File([blob], as.name, { type: as.kind ?? blob.type });

async function readHandle(handle: PermissionedHandle, as: MediaName): Promise<File | null> {
  try {
    return named(await handle.getFile(), as);
  } catch (error) {
    if (isMissing(error)) return null; // moved, renamed or deleted since
    throw error;
  }
}

function askFor(handle: PermissionedHandle, as: MediaName): MediaLookup {
  const grant = async (): Promise<File | null> => ((await handle.requestPermission?.({ mode: 'read' })) === 'granted' ? readHandle(handle, as) : null);
  return Object.freeze({ state: 'needs-permission', name: as.name, grant });
}

/**
 * Media kept in the origin private file system (`media/<project id>`), handles in IndexedDB. The
 * page writes copies itself: a stream piped to a writable, never the whole file in memory.
 */
export function opfsMediaVault(root: () => Promise<FileSystemDirectoryHandle> = () => navigator.storage.getDirectory(), handles: UseStore = createStore('whisper-studio-media', 'handles')): MediaVault {
  const remembered = new WeakMap<File, FileSystemFileHandle>();
  const dir = async (): Promise<FileSystemDirectoryHandle> => (await root()).getDirectoryHandle('media', { create: true });
  async function copy(projectId: string, file: File): Promise<KeptMedia> {
    const writable = await (await (await dir()).getFileHandle(projectId, { create: true })).createWritable();
    await file.stream().pipeTo(writable); // closes it; an error aborts it, leaving the old (empty) file
    return Object.freeze({ how: 'copy', bytes: file.size });
  }
  async function copyOf(projectId: string): Promise<File | null> {
    try {
      return await (await (await dir()).getFileHandle(projectId)).getFile();
    } catch (error) {
      if (isMissing(error) || (error instanceof DOMException && error.name === 'TypeMismatchError')) return null;
      throw error;
    }
  }
  return {
    remember: (file, handle) => void remembered.set(file, handle),
    async keep(projectId, file, { copy: wanted }) {
      const handle = remembered.get(file);
      if (handle && !wanted) {
        await set(projectId, handle, handles);
        return Object.freeze({ how: 'handle', bytes: 0 });
      }
      return copy(projectId, file);
    },
    async get(projectId, as) {
      const kept = await copyOf(projectId);
      if (kept && kept.size > 0) return Object.freeze({ state: 'ready', file: named(kept, as) });
      const handle = await get<PermissionedHandle>(projectId, handles);
      if (!handle) return GONE;
      const permission = await handle.queryPermission?.({ mode: 'read' });
      if (permission !== undefined && permission !== 'granted') return askFor(handle, as);
      const file = await readHandle(handle, as);
      return file ? Object.freeze({ state: 'ready', file }) : GONE;
    },
    async list() {
      const kept = new Map<string, KeptMedia>();
      for (const id of await keys<string>(handles)) kept.set(id, Object.freeze({ how: 'handle', bytes: 0 }));
      for await (const entry of (await dir()).values()) {
        const size = entry.kind === 'file' ? (await (entry as FileSystemFileHandle).getFile()).size : 0;
        if (size > 0) kept.set(entry.name, Object.freeze({ how: 'copy', bytes: size }));
      }
      return kept;
    },
    async remove(projectId) {
      await (await dir()).removeEntry(projectId).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
      await del(projectId, handles);
    },
  };
}
