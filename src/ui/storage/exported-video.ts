import { EXPORTS_DIR, type VideoResult } from '../../core/video/video-result.ts';
import { saveBlob } from '../save-blob.ts';

/** The file a video job wrote into OPFS `exports/`, offered as a download straight from disk (never read into memory). */
export async function offerExportedVideo(result: VideoResult): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(EXPORTS_DIR);
  const file = await (await dir.getFileHandle(result.name)).getFile();
  saveBlob(result.name, file);
}

/** What `exports/` holds: the last video offered as a download (the next export replaces it), counted and removable. */
export const exportedVideos = {
  async bytes(): Promise<number> {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(EXPORTS_DIR).catch(() => null);
    let bytes = 0;
    if (dir) for await (const handle of dir.values()) if (handle.kind === 'file') bytes += (await (handle as FileSystemFileHandle).getFile()).size;
    return bytes;
  },
  async clear(): Promise<void> {
    await (await navigator.storage.getDirectory()).removeEntry(EXPORTS_DIR, { recursive: true }).catch(() => undefined);
  },
};

type SavePicker = (options: { suggestedName: string; types?: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;

/** Where to save, asked in the click: a handle, null where the browser has no picker, undefined when the person closed it. */
export async function pickSaveTarget(suggestedName: string): Promise<FileSystemFileHandle | null | undefined> {
  const picker = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (!picker) return null;
  try {
    return await picker({ suggestedName });
  } catch (error) {
    return error instanceof DOMException && error.name === 'AbortError' ? undefined : null;
  }
}
