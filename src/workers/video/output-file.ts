import type { StreamTargetChunk } from 'mediabunny';
import { EXPORTS_DIR, type SavedWhere } from '../../core/video-protocol.ts';

/** Where a video job writes: a file the person picked, or OPFS `exports/` (offered as a download after). */
export interface OutputFile {
  /** Positioned writes into the file (what mediabunny's StreamTarget sends). */
  readonly writable: WritableStream<StreamTargetChunk>;
  readonly saved: SavedWhere;
  /** The written file, once closed. */
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
  const writer = (await handle.createWritable({ keepExistingData: false })).getWriter();
  const writable = new WritableStream<StreamTargetChunk>({ write: (chunk) => writer.write(chunk), close: () => writer.close(), abort: (reason) => writer.abort(reason) });
  return {
    writable,
    saved: target ? 'picked' : 'exports',
    file: () => handle.getFile(),
    async discard() {
      await writer.abort().catch(() => undefined);
      // A stream already closed has put its bytes into the file: empty the picked file, remove ours.
      if (dir) return dir.removeEntry(name).catch(() => undefined);
      const empty = await handle.createWritable({ keepExistingData: false }).catch(() => null);
      await empty?.close();
    },
  };
}
