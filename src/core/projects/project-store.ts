import type { LogEntry } from './project-log.ts';

export type ProjectStatus = 'queued' | 'transcribing' | 'done' | 'failed' | 'cancelled';


/** How a transcription ran: what the project list shows and a re-run repeats. */
export interface ProjectSettings {
  readonly repo: string;
  readonly dtype: string;
  readonly device: string;
  readonly quality: string;
  readonly language: string | null;
  readonly task: string;
  readonly vad: boolean;
  /** The decoder's prompt (names, terms), if one was given. */
  readonly prompt?: string;
}

/** What the project list shows of a transcription. */
export interface ProjectMeta {
  readonly id: string;
  /** The media's file name (renamable). */
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Media size in bytes and duration in seconds, when known. */
  readonly size?: number;
  readonly duration?: number;
  /** The media's MIME type. */
  readonly kind?: string;
  readonly settings?: ProjectSettings;
  readonly status?: ProjectStatus;
  /** Seconds of work per second of media, once a run finished. */
  readonly rtf?: number;
  /** Why its run failed before it began (the file is not media, or too short). */
  readonly message?: string;
  /** About how many bytes the project's log takes (its text as JSON). */
  readonly logBytes?: number;
}

/** What a new project knows about its media and run. */
export type ProjectDetails = Partial<Pick<ProjectMeta, 'size' | 'duration' | 'kind' | 'settings'>>;

/** A write to a project that no longer exists (deleted, maybe in another tab): it is never brought back. */
export class ProjectGoneError extends Error {
  override readonly name = 'ProjectGoneError';
  constructor(readonly projectId: string) {
    super(`The project ${projectId} was deleted.`);
  }
}

/** A log entry whose number is taken already: another writer got there first, and nothing is overwritten. */
export class LogConflictError extends Error {
  override readonly name = 'LogConflictError';
  constructor(readonly projectId: string, readonly seq: number, readonly next: number) {
    super(`Entry ${seq} of project ${projectId} is not the next one (${next} is): the project was changed elsewhere.`);
  }
}

/**
 * Where projects live (IndexedDB in the browser, memory in specs): metadata, and each project's log.
 * Writes never resurrect a deleted project nor overwrite an entry: each is checked in its transaction.
 */
export interface ProjectStore {
  /** A new project, with its log when it has one already (a copy, an import): all of it or nothing. */
  create(meta: ProjectMeta, entries?: readonly LogEntry[]): Promise<void>;
  /** Changes an existing project's metadata; `ProjectGoneError` when it was deleted. */
  put(meta: ProjectMeta): Promise<void>;
  /**
   * Adds entry `seq` of a project's log (entries are numbered from 0 without gaps): the store checks
   * in the same transaction that `seq` is the next number (`LogConflictError` if not) and that the
   * project exists (`ProjectGoneError`).
   */
  append(projectId: string, seq: number, entry: LogEntry): Promise<void>;
  /**
   * A run begins in a queued project (or one a reload cut short): its log goes and its metadata is
   * `meta`, in one transaction; it is created if the queue had not written it yet. Only a run's
   * start does this, never a write of entries.
   */
  restart(meta: ProjectMeta): Promise<void>;
  load(projectId: string): Promise<{ readonly meta: ProjectMeta; readonly entries: readonly LogEntry[] } | null>;
  list(): Promise<readonly ProjectMeta[]>;
  remove(projectId: string): Promise<void>;
}
