import type { LogEntry } from '../../core/projects/project-log.ts';
import { entryBytes, peaksOf, replayLog } from '../../core/projects/project-log.ts';
import { LogConflictError, ProjectGoneError, type ProjectDetails, type ProjectMeta, type ProjectStore } from '../../core/projects/project-store.ts';
import type { Cues } from '../../core/subtitles/cue-edits.ts';
import type { History } from '../../core/subtitles/edit-history.ts';
import type { ProjectAccess, ProjectLease } from '../tabs/project-lease.svelte.ts';
import type { TabSignals } from '../tabs/tab-signals.ts';
import { Emitter } from '../../core/util/emitter.ts';

/** The pieces a saver needs from the page: where projects are, a clock, ids, and where the open project's id is kept. */
export interface SaverDeps {
  readonly store: ProjectStore;
  readonly now: () => number;
  readonly newId: () => string;
  /** Small key-value storage (localStorage): which project is open, and the transcript saved before projects existed. */
  readonly keys: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Which tab may write which project; without one, this is the only tab (specs of one tab). */
  readonly lease?: ProjectLease;
  /** Where other tabs hear that a project's entries were saved. */
  readonly signals?: TabSignals;
}

/** Without a lease this is the only tab: nothing is ever read-only. */
const ONLY_TAB: ProjectAccess = Object.freeze({ mode: 'none' });
const CURRENT_KEY = 'whisper-studio:current-project';
/** Where the app kept its one transcript before projects: imported once, then removed. */
const LEGACY_KEY = 'whisper-studio:transcript';

const CONFLICT_TEXT =
  'The latest changes are not saved: this project was changed in another tab or window at the same time, and nothing there was overwritten. Open the project again to see what is saved, then redo the change.';

function saveErrorText(error: unknown): string {
  if (error instanceof LogConflictError) return CONFLICT_TEXT;
  const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
  const why = quota ? "this device's storage for the app is full" : `the browser refused (${error instanceof Error ? error.message : String(error)})`;
  return `The latest changes are not saved: ${why}. Everything saved before is kept, and the cues are still here. Free space (delete a model you do not need in the model library, or export the cues), then make any edit to save again.`;
}

/** The one transcript the app kept before projects, or null. */
function readLegacy(text: string | null): { source: string; segments: Cues } | null {
  try {
    const value = JSON.parse(text ?? 'null') as { source?: unknown; segments?: unknown } | null;
    if (!value || !Array.isArray(value.segments)) return null;
    return { source: typeof value.source === 'string' ? value.source : '', segments: value.segments as Cues };
  } catch {
    return null;
  }
}

/** A project as it opens: its name, cues with undo history, and what the list knows of it. */
export interface Opened {
  readonly name: string;
  readonly history: History<Cues>;
  /** The waveform's peaks, as far as the media was read. */
  readonly peaks: Uint8Array;
  readonly meta: ProjectMeta | null;
}

/**
 * The open project, saved one log entry at a time after the change is shown (never the whole
 * transcript, never in the way of the next window). A failed write is said in `saveError`; the
 * entries not written wait, in order, and go with the next change: what is saved is always a
 * consistent beginning of the log.
 */
export class ProjectSaver {
  saveError = $state<string | null>(null);
  /** Writes asked for and not yet tried: the page says "Saving…" until it is 0. */
  pending = $state(0);
  /** Which project is open (null before the first, or after it was deleted). */
  openId = $state<string | null>(null);
  readonly #events = new Emitter<{ meta: void }>();
  readonly #deps: SaverDeps;
  #meta: ProjectMeta | null = null;
  #seq = 0;
  #waiting: { projectId: string; seq: number; entry: LogEntry }[] = [];
  #queue: Promise<void> = Promise.resolve();

  /** `meta`: a project's name, status or existence changed on disk (the project list refreshes). */
  on(event: 'meta', listener: () => void): () => void {
    return this.#events.on(event, listener);
  }

  constructor(deps: SaverDeps) {
    this.#deps = deps;
  }

  /**
   * A transcription of `name` begins: into a new project, or into `existing` (a queued one, or one a
   * reload cut short), whose log starts again from nothing. It becomes the open one.
   */
  start(name: string, details: ProjectDetails = {}, existing?: ProjectMeta): void {
    const at = this.#deps.now();
    const base = existing ?? { id: this.#deps.newId(), createdAt: at };
    this.#meta = Object.freeze({ ...base, ...details, name, updatedAt: at, status: 'transcribing' as const, logBytes: 0, message: undefined });
    this.openId = this.#meta.id;
    this.#seq = 0; // entries of the project open before still wait their turn: they carry its id
    this.#deps.keys.setItem(CURRENT_KEY, this.#meta.id);
    this.#begin(this.#meta, existing !== undefined);
    void this.settled().then(() => this.#events.emit('meta', undefined));
  }

  /** Whether this tab may write the open project (always, without a lease). */
  get access(): ProjectAccess {
    return this.#deps.lease?.access ?? ONLY_TAB;
  }

  /**
   * Whether another tab edits the open project: this one only shows it. Only for the open project:
   * a run that begins here writes its new project at once, while the lease still says how the last one was.
   */
  get readOnly(): boolean {
    const access = this.access;
    return access.mode === 'read-only' && access.projectId === this.openId;
  }

  log(entry: LogEntry): void {
    if (!this.#meta || this.readOnly) return;
    this.#waiting.push({ projectId: this.#meta.id, seq: this.#seq++, entry });
    const logBytes = (this.#meta.logBytes ?? 0) + entryBytes(entry);
    this.#meta = Object.freeze({ ...this.#meta, updatedAt: this.#deps.now(), logBytes });
    this.#write();
  }

  /** The open project's status or name changed (a run ended, a rename). */
  update(patch: Partial<Pick<ProjectMeta, 'status' | 'rtf' | 'name' | 'duration'>>): void {
    if (!this.#meta || this.readOnly) return;
    this.#meta = Object.freeze({ ...this.#meta, ...patch, updatedAt: this.#deps.now() });
    this.#write();
    void this.settled().then(() => this.#events.emit('meta', undefined));
  }

  /** No project is open any more (it was deleted): nothing is saved until the next one starts. */
  forget(): void {
    const gone = this.#meta?.id;
    [this.#meta, this.#waiting, this.openId] = [null, this.#waiting.filter((w) => w.projectId !== gone), null];
    this.#deps.keys.removeItem(CURRENT_KEY);
    this.#deps.lease?.letGo();
  }

  /** Another tab renamed the open project: the name is on disk already, and stays in what this tab writes next. */
  renamed(projectId: string, name: string): void {
    if (this.#meta?.id === projectId) this.#meta = Object.freeze({ ...this.#meta, name });
  }

  /** Edit the open project here: the tab that edits it hands it over (its writes land first). */
  async takeOver(): Promise<void> {
    if (this.openId) await this.#deps.lease?.takeOver(this.openId);
  }

  /** Open another project: it becomes the one saved to; its cues and undo history. */
  async open(id: string): Promise<Opened | null> {
    await this.settled();
    await this.#deps.lease?.take(id, { wait: false }); // first: once it is ours, what loads is all there is
    const loaded = await this.#deps.store.load(id);
    if (!loaded) return (this.#deps.lease?.letGo(), null);
    // Entries a full disk refused are still here, in order: they belong to the log too.
    const entries = [...loaded.entries, ...this.#waiting.filter((w) => w.projectId === id).map((w) => w.entry)];
    [this.#meta, this.#seq, this.openId] = [loaded.meta, entries.length, id];
    this.#deps.keys.setItem(CURRENT_KEY, id);
    return { name: loaded.meta.name, history: replayLog(entries), peaks: peaksOf(entries), meta: loaded.meta };
  }

  /** Every write asked for so far has been tried. */
  settled(): Promise<void> {
    return this.#queue;
  }

  /** The project that was open (or the transcript saved before projects, imported once), with its history; null for none. */
  async reopen(): Promise<Opened | null> {
    const id = this.#deps.keys.getItem(CURRENT_KEY);
    return (id ? await this.open(id) : null) ?? this.#importLegacy();
  }

  async #importLegacy(): Promise<Opened | null> {
    const legacy = readLegacy(this.#deps.keys.getItem(LEGACY_KEY));
    if (!legacy) return null;
    this.start(legacy.source);
    this.log({ kind: 'cues', cues: legacy.segments });
    await this.settled();
    if (this.saveError === null) this.#deps.keys.removeItem(LEGACY_KEY);
    return { name: legacy.source, history: replayLog([{ kind: 'cues', cues: legacy.segments }]), peaks: new Uint8Array(0), meta: this.#meta };
  }

  /**
   * A run begins: a new project is created, or an existing one's log goes (entries still waiting from
   * before too). Either is this tab's to write first: another tab showing it hands it over.
   */
  #begin(meta: ProjectMeta, existing: boolean): void {
    if (existing) this.#waiting = this.#waiting.filter((w) => w.projectId !== meta.id);
    this.#then(async () => {
      if (existing) await this.#deps.lease?.takeOver(meta.id);
      else await this.#deps.lease?.take(meta.id, { wait: true });
      return existing ? this.#deps.store.restart(meta) : this.#deps.store.create(meta);
    });
  }

  #write(): void {
    const meta = this.#meta; // as of this change: another project may be open by the time it is written
    // Entries up to this change (and ones a full disk refused before): later ones may be of a project not created yet.
    const through = this.#waiting.at(-1);
    this.#then(async () => {
      const written = new Set<string>();
      while (through && this.#waiting.includes(through)) {
        const next = this.#waiting[0];
        await this.#deps.store.append(next.projectId, next.seq, next.entry);
        this.#waiting.shift();
        written.add(next.projectId);
      }
      if (meta) await this.#deps.store.put(meta);
      for (const projectId of written) this.#deps.signals?.post({ type: 'saved', projectId });
    });
  }

  /**
   * A write that must not be tried again: the project is gone (deleted, here or in another tab) and is
   * never brought back, or another writer took the entry's number (said loudly, nothing overwritten).
   */
  #refused(error: ProjectGoneError | LogConflictError): void {
    this.#waiting = this.#waiting.filter((w) => w.projectId !== error.projectId);
    if (error instanceof LogConflictError) this.saveError = CONFLICT_TEXT;
    if (error.projectId !== this.openId) return;
    this.#meta = error instanceof ProjectGoneError ? null : this.#meta;
  }

  /** One write after the others; a refusal is said, and the next change tries again. */
  #then(work: () => Promise<void>): void {
    this.pending += 1;
    this.#queue = this.#queue.then(async () => {
      try {
        await work();
        this.saveError = null;
      } catch (error) {
        if (error instanceof ProjectGoneError || error instanceof LogConflictError) this.#refused(error);
        else this.saveError = saveErrorText(error);
      } finally {
        this.pending -= 1;
      }
    });
  }
}
