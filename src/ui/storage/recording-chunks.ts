import { createStore, delMany, getMany, keys, set, type UseStore } from 'idb-keyval';

/**
 * A live session's recording kept on the device as it comes: each MediaRecorder chunk (a second of
 * Opus/WebM) is stored in IndexedDB in its own transaction, so a reload, a crash or a closed tab
 * loses at most the last second. When the session stops, the recording becomes the project's
 * media and its chunks are dropped; chunks a session never got to keep are kept at the next start.
 */
export interface RecordingChunks {
  /** Starts keeping a project's recording; held (a Web Lock) until `kept`, so no other tab takes it for unfinished. */
  begin(projectId: string): RecordingSink;
  /** Projects whose recording was never kept, each with its chunks joined in order; sessions still going on in other tabs are left out. */
  unfinished(): Promise<readonly { readonly projectId: string; readonly file: File }[]>;
  /** The recording is the project's media now (or the project is gone): its chunks are dropped. */
  drop(projectId: string): Promise<void>;
}

export interface RecordingSink {
  /**
   * Writes the chunk after every one before it; rejects when it cannot be written now (storage full):
   * it waits, in order, and goes with the next append, so the chunks on disk never have a gap.
   */
  append(chunk: Blob): Promise<void>;
  /** The recording is kept with the project: its chunks are dropped and the session's hold let go. */
  kept(): Promise<void>;
}

/** Chunk keys sort in recording order: the project, then the chunk's number padded. */
const chunkKey = (projectId: string, index: number): string => `${projectId}/${String(index).padStart(8, '0')}`;
const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('/'));
const lockName = (projectId: string): string => `whisper-studio-recording:${projectId}`;

/** Whether another tab's session holds this project's recording (its lock is taken). */
async function heldElsewhere(locks: LockManager, projectId: string): Promise<boolean> {
  return locks.request(lockName(projectId), { ifAvailable: true }, (lock) => lock === null);
}

/** Every chunk key, by project, in recording order. */
async function keysByProject(store: UseStore): Promise<Map<string, string[]>> {
  const byProject = new Map<string, string[]>();
  for (const key of ((await keys<string>(store)) as string[]).sort()) byProject.set(projectOf(key), [...(byProject.get(projectOf(key)) ?? []), key]);
  return byProject;
}

/** Chunks written in order by their number; one that fails waits (with those after it) for the next append. */
export function orderedWrites(write: (index: number, chunk: Blob) => Promise<void>): (chunk: Blob) => Promise<void> {
  const waiting: Blob[] = [];
  let [written, tail] = [0, Promise.resolve()];
  return (chunk) => {
    waiting.push(chunk);
    const run = tail.then(async () => {
      while (waiting.length > 0) {
        await write(written, waiting[0]);
        waiting.shift();
        written += 1;
      }
    });
    tail = run.catch(() => undefined);
    return run;
  };
}

export function idbRecordingChunks(locks: LockManager, store: UseStore = createStore('whisper-studio-recordings', 'chunks')): RecordingChunks {
  const drop = async (projectId: string): Promise<void> => delMany((await keysByProject(store)).get(projectId) ?? [], store);
  return {
    begin(projectId) {
      let release: () => void = () => undefined;
      void locks.request(lockName(projectId), () => new Promise<void>((resolve) => (release = resolve)));
      return {
        append: orderedWrites((index, chunk) => set(chunkKey(projectId, index), chunk, store)),
        kept: async () => {
          await drop(projectId);
          release();
        },
      };
    },
    async unfinished() {
      const found: { projectId: string; file: File }[] = [];
      for (const [projectId, chunkKeys] of await keysByProject(store)) {
        if (await heldElsewhere(locks, projectId)) continue;
        const chunks = (await getMany<Blob | undefined>(chunkKeys, store)).filter((c): c is Blob => c !== undefined);
        const type = chunks.find((c) => c.type)?.type ?? 'audio/webm';
        found.push({ projectId, file: new File(chunks, `${projectId}.webm`, { type }) });
      }
      return found;
    },
    drop,
  };
}

/**
 * Keeps, as their project's media, the recordings of live sessions that never stopped (the tab
 * was reloaded or closed, or the browser crashed), then drops their chunks. One that cannot be
 * kept now (storage full) keeps its chunks for the next start; `keep` says false for a removed project.
 */
export async function keepUnfinishedRecordings(chunks: RecordingChunks, keep: (projectId: string, file: File) => Promise<boolean>): Promise<number> {
  let count = 0;
  for (const { projectId, file } of await chunks.unfinished()) {
    const kept = file.size === 0 ? false : await keep(projectId, file).catch(() => null);
    if (kept === null) continue;
    if (kept) count += 1;
    await chunks.drop(projectId);
  }
  return count;
}
