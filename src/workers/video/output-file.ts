import type { StreamTargetChunk } from 'mediabunny';
import { EXPORTS_DIR, type SavedWhere } from '../../core/video/video-result.ts';

/** Where a video job writes: a file the person picked, or OPFS `exports/` (offered as a download after). */
export interface OutputFile {
  /** Positioned writes into the file (what mediabunny's StreamTarget sends). */
  readonly writable: WritableStream<StreamTargetChunk>;
  readonly saved: SavedWhere;
  /** The job finished: what was written becomes the file (until then, a picked file keeps its old bytes). */
  commit(): Promise<void>;
  /** The written file, once committed. */
  file(): Promise<File>;
  /** Leave nothing behind: what was written goes (a cancelled or failed job). */
  discard(): Promise<void>;
}

/** OPFS `exports/`, emptied first: it only ever holds the last export, until the next one. */
async function freshExports(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(EXPORTS_DIR, { recursive: true }).catch(() => undefined);
  return root.getDirectoryHandle(EXPORTS_DIR, { create: true });
}

export async function openOutputFile(target: FileSystemFileHandle | null, name: string): Promise<OutputFile> {
  const dir = target ? null : await freshExports();
  const handle = target ?? (await dir!.getFileHandle(name, { create: true }));
  // Our own writer on the file's stream: a cancel aborts it whatever state the muxer left it in.
  // A picked file the person chose to replace keeps its bytes until our writable closes (its swap file is dropped on abort).
  const wasNew = target ? (await target.getFile()).size === 0 : true;
  const writer = (await handle.createWritable({ keepExistingData: false })).getWriter();
  // The muxer closes its stream on a cancel too: closing the file waits for `commit`, so a cancelled job never replaces it.
  const writable = new WritableStream<StreamTargetChunk>({ write: (chunk) => writer.write(chunk), close: () => undefined, abort: (reason) => writer.abort(reason) });
  return {
    writable,
    saved: target ? 'picked' : 'exports',
    commit: () => writer.close(),
    file: () => handle.getFile(),
    async discard() {
      await writer.abort().catch(() => undefined);
      if (dir) return dir.removeEntry(name).catch(() => undefined);
      // An existing file is left as it was; an empty one the picker made for us goes (Chromium's `remove`).
      if (wasNew) await (handle as FileSystemFileHandle & { remove?: () => Promise<void> }).remove?.().catch(() => undefined);
    },
  };
}
