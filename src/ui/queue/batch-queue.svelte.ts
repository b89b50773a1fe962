import { afterReload, isFinished, moved, nextQueued, summarize, withItem, type Queue, type QueueItem, type QueueStatus, type QueueSummary } from '../../core/projects/batch-queue.ts';
import type { ProjectMeta, ProjectStore } from '../../core/projects/project-store.ts';
import type { MediaVault } from '../storage/media-vault.ts';
import type { FileTranscription } from '../transcription/file-transcription.svelte.ts';
import type { RunEnd, TranscribeOptions } from '../transcription/transcribe-options.ts';

/** The queue as it is kept across reloads: its files in order, and the settings each was queued with. */
export interface SavedQueue {
  readonly items: Queue;
  readonly options: Readonly<Record<string, TranscribeOptions>>;
}

export interface QueueStore {
  load(): Promise<SavedQueue | null>;
  save(queue: SavedQueue): Promise<void>;
}

/** The part of the file transcription the queue drives. */
export type QueueRunner = Pick<FileTranscription, 'transcribe' | 'cancel' | 'busy' | 'secondsLeft' | 'on'>;

export interface BatchDeps {
  readonly runner: QueueRunner;
  readonly vault: MediaVault;
  readonly projects: ProjectStore;
  readonly store: QueueStore;
  readonly newId: () => string;
  readonly now: () => number;
  /** Projects were added or changed status (the project list refreshes). */
  readonly onchange?: () => void;
}

const ENDED: Record<RunEnd['phase'], QueueStatus> = { done: 'done', failed: 'failed', cancelled: 'cancelled' };

const keepFailed = (name: string, error: unknown): string =>
  `${name} could not be kept on this device (${error instanceof Error ? error.message : String(error)}): it is transcribed now, but after a reload it must be picked again.`;

/**
 * Files transcribed one at a time, in the order the person sets, each into its own project. The
 * queue and each file's media are kept, so a reload resumes it: what was running starts again.
 */
export class BatchQueue {
  items = $state.raw<Queue>(Object.freeze([]));
  /** Something the person should know about the files just added (a copy that could not be kept). */
  notice = $state<string | null>(null);
  #options: Record<string, TranscribeOptions> = {};
  /** Files picked in this page, and their projects: no need to read them back from where they are kept. */
  readonly #files = new Map<string, File>();
  readonly #metas = new Map<string, ProjectMeta>();
  /** Kept handles the browser wants a click for, by project. */
  readonly #grants = new Map<string, () => Promise<File | null>>();
  readonly #deps: BatchDeps;
  #running = $state.raw<{ readonly id: string; readonly startedAt: number; stopAs: QueueStatus | null } | null>(null);
  #kicking = false;

  constructor(deps: BatchDeps) {
    this.#deps = deps;
    deps.runner.on('ended', (end) => void this.#ended(end));
  }

  get summary(): QueueSummary {
    const running = this.#running;
    const now = running ? { id: running.id, elapsedMs: this.#deps.now() - running.startedAt, secondsLeft: this.#deps.runner.secondsLeft } : null;
    return summarize(this.items, now);
  }

  /** The queue as a reload left it: what ran starts again, the rest waits its turn. */
  async restore(): Promise<void> {
    const saved = await this.#deps.store.load();
    if (!saved || saved.items.length === 0) return;
    [this.items, this.#options] = [afterReload([...saved.items, ...this.items]), { ...saved.options, ...this.#options }];
    await this.#save();
    await this.#kick();
  }

  /** A file came with its handle (a drop, the browser's file picker): it can be kept without a copy. */
  remember(file: File, handle: FileSystemFileHandle): void {
    this.#deps.vault.remember(file, handle);
  }

  /**
   * Each file becomes a queued project; if nothing runs, the first starts at once (in the same
   * click, from the file in memory). Then each file's media is kept, one after another, while the
   * queue runs: a copy lands whole or not at all (OPFS commits it on close), so a reload during it
   * leaves the file to be picked again rather than half a file.
   */
  async add(files: readonly File[], options: TranscribeOptions, keep: { readonly copy: boolean }): Promise<void> {
    this.notice = null;
    const metas = files.map((file) => this.#queued(file, options));
    void this.#kick();
    // The one that runs at once is created by its run's start (`restart`); a write of entries never creates one.
    await Promise.all(metas.filter((meta) => meta.id !== this.#running?.id).map((meta) => this.#deps.projects.create(meta)));
    await this.#save();
    this.#deps.onchange?.();
    const notices: string[] = [];
    for (const [i, meta] of metas.entries()) {
      await this.#deps.vault.keep(meta.id, files[i], keep).catch((error: unknown) => void notices.push(keepFailed(files[i].name, error)));
    }
    if (notices.length > 0) this.notice = notices.join(' ');
    this.#deps.onchange?.();
  }

  pause(id: string): void {
    this.#stopOrSet(id, 'paused');
  }

  cancel(id: string): void {
    this.#stopOrSet(id, 'cancelled');
  }

  resume(id: string): void {
    if (this.items.find((item) => item.id === id)?.status !== 'paused') return;
    this.#set(id, { status: 'queued' });
  }

  move(id: string, by: number): void {
    this.items = moved(this.items, id, by);
    void this.#save();
  }

  clearFinished(): void {
    this.items = Object.freeze(this.items.filter((item) => !isFinished(item)));
    void this.#save();
  }

  /** The person picked a file the queue could not read again: kept as a copy this time. */
  async pick(id: string, file: File): Promise<void> {
    await this.#deps.vault.keep(id, file, { copy: true }).catch(() => undefined);
    this.#found(id, file);
  }

  /** The person allowed the app to read a kept file again (this must run in their click). */
  async allow(id: string): Promise<void> {
    const file = await this.#grants.get(id)?.();
    if (file) this.#found(id, file);
  }

  #found(id: string, file: File): void {
    this.#files.set(id, file);
    this.#grants.delete(id);
    this.#set(id, { status: 'queued', message: undefined });
  }

  /** Its project was deleted: it leaves the queue (stopped first if it ran). */
  forget(id: string): void {
    if (this.#running?.id === id) this.#stopOrSet(id, 'cancelled');
    this.items = Object.freeze(this.items.filter((item) => item.id !== id));
    this.#files.delete(id);
    void this.#save();
  }

  /** A project for `file`, queued here; written by whoever gets to it first (the queue, or the run it starts). */
  #queued(file: File, options: TranscribeOptions): ProjectMeta {
    const at = this.#deps.now();
    const meta: ProjectMeta = Object.freeze({ id: this.#deps.newId(), name: file.name, createdAt: at, updatedAt: at, size: file.size, kind: file.type, status: 'queued' });
    this.#metas.set(meta.id, meta);
    this.#files.set(meta.id, file);
    this.#options[meta.id] = options;
    this.items = Object.freeze([...this.items, Object.freeze({ id: meta.id, name: file.name, size: file.size, status: 'queued' as const })]);
    return meta;
  }

  #stopOrSet(id: string, status: QueueStatus): void {
    if (this.#running?.id === id) {
      this.#running.stopAs = status;
      this.#deps.runner.cancel(); // its end comes back as `ended`
      return;
    }
    const item = this.items.find((i) => i.id === id);
    if (item && !isFinished(item)) this.#set(id, { status });
  }

  #set(id: string, patch: Partial<Omit<QueueItem, 'id'>>): void {
    this.items = withItem(this.items, id, patch);
    void this.#save().then(() => this.#kick());
  }

  async #ended(end: RunEnd): Promise<void> {
    const running = this.#running;
    if (!running) return this.#kick(); // a run the queue did not start (a stretch again): files may wait for it
    this.#running = null;
    const status = running.stopAs ?? ENDED[end.phase];
    const message = status === 'failed' ? end.error?.message : undefined;
    this.items = withItem(this.items, running.id, { status, message, elapsedMs: end.elapsedMs });
    if (status === 'failed' || status === 'cancelled') await this.#endedUnread(running.id, status, message);
    await this.#save();
    this.#deps.onchange?.();
    await this.#kick();
  }

  /** The next queued file runs, when nothing runs; files that cannot be read say so and are passed over. */
  async #kick(): Promise<void> {
    if (this.#running || this.#kicking || this.#deps.runner.busy) return;
    this.#kicking = true;
    try {
      for (let next = nextQueued(this.items); next && !this.#running; next = nextQueued(this.items)) {
        // A file picked in this page starts in the same task (no await): the click shows the run at once.
        const file = this.#files.get(next.id) ?? (await this.#storedFile(next));
        if (file) this.#run(next, file, this.#metas.get(next.id) ?? (await this.#storedMeta(next)));
      }
    } finally {
      this.#kicking = false;
    }
    await this.#save();
  }

  #run(item: QueueItem, file: File, meta: ProjectMeta): void {
    this.#running = { id: item.id, startedAt: this.#deps.now(), stopAs: null };
    this.#metas.delete(item.id); // from now on its project is the store's (a rename, a status)
    this.items = withItem(this.items, item.id, { status: 'running', message: undefined });
    void this.#deps.runner.transcribe(file, this.#options[item.id], meta);
  }

  /** Its project as saved; none if the page went away before the run it started wrote it. */
  async #storedMeta(item: QueueItem): Promise<ProjectMeta> {
    const at = this.#deps.now();
    return (await this.#deps.projects.load(item.id))?.meta ?? Object.freeze({ id: item.id, name: item.name, size: item.size, createdAt: at, updatedAt: at, status: 'queued' });
  }

  /** A file kept from before (a reload): its copy, or its handle if the browser still lets the app read it. */
  async #storedFile(item: QueueItem): Promise<File | null> {    const meta = (await this.#deps.projects.load(item.id))?.meta;
    const found = await this.#deps.vault.get(item.id, { name: item.name, kind: meta?.kind }).catch(() => null);
    if (found?.state === 'ready') return found.file;
    if (found?.state === 'needs-permission') this.#grants.set(item.id, found.grant);
    const message = found?.state === 'needs-permission' ? `Allow the app to read ${item.name} again to go on.` : `${item.name} is no longer kept on this device: pick it again to go on.`;
    this.items = withItem(this.items, item.id, { status: found?.state === 'needs-permission' ? 'needs-permission' : 'needs-file', message });
    return null;
  }

  /** A file that ended before it was read (not media, too short) never began its project: the project says how it ended. */
  async #endedUnread(id: string, status: 'failed' | 'cancelled', message: string | undefined): Promise<void> {
    const meta = (await this.#deps.projects.load(id))?.meta;
    if (meta?.status === 'queued') await this.#deps.projects.put(Object.freeze({ ...meta, status, message, updatedAt: this.#deps.now() }));
  }

  #save(): Promise<void> {
    const saved: SavedQueue = Object.freeze({ items: this.items, options: this.#options });
    return this.#deps.store.save(saved).catch(() => undefined); // the queue still runs; a reload would start it from what was saved before
  }
}
