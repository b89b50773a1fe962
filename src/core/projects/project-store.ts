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

/** Where projects live (IndexedDB in the browser, memory in specs): metadata, and each project's log. */
export interface ProjectStore {
  put(meta: ProjectMeta): Promise<void>;
  /** Adds entry `seq` of a project's log (entries are numbered from 0 without gaps). */
  append(projectId: string, seq: number, entry: LogEntry): Promise<void>;
  /** Drops a project's log (a run starts again from nothing); its metadata stays. */
  clearLog(projectId: string): Promise<void>;
  load(projectId: string): Promise<{ readonly meta: ProjectMeta; readonly entries: readonly LogEntry[] } | null>;
  list(): Promise<readonly ProjectMeta[]>;
  remove(projectId: string): Promise<void>;
}
