import type { FileKey } from '../../core/store/model-store.ts';

/** OPFS layout shared by the download worker (writes) and the service worker (reads): models/<repo, URL-encoded>/<commit>/<path…>. */
export async function modelsDir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('models', { create: true });
}

export async function repoDir(repo: string, create: boolean): Promise<FileSystemDirectoryHandle> {
  return (await modelsDir()).getDirectoryHandle(encodeURIComponent(repo), { create });
}

/** The folder a model file lives in, and its name there; throws NotFoundError unless `create`. */
export async function modelFileParent(key: FileKey, create: boolean): Promise<{ dir: FileSystemDirectoryHandle; name: string }> {
  let dir = await repoDir(key.repo, create);
  const parts = key.path.split('/');
  for (const part of [key.commit, ...parts.slice(0, -1)]) dir = await dir.getDirectoryHandle(part, { create });
  return { dir, name: parts[parts.length - 1] };
}

export async function modelFile(key: FileKey, create: boolean): Promise<FileSystemFileHandle> {
  const { dir, name } = await modelFileParent(key, create);
  return dir.getFileHandle(name, { create });
}

export const isNotFound = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
