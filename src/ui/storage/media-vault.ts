/** How a project's media is kept for next time: a copy on this device (its bytes), or the file's handle (no bytes). */
export interface KeptMedia {
  readonly how: 'copy' | 'handle';
  readonly bytes: number;
}

/** A project's media as it can be had now. */
export type MediaLookup =
  | { readonly state: 'ready'; readonly file: File }
  /** Kept as a file handle the browser wants a click to read again: `grant` must run in that click. */
  | { readonly state: 'needs-permission'; readonly name: string; grant(): Promise<File | null> }
  | { readonly state: 'gone' };

/** What a kept file is known by: the project's media name and MIME type (a copy on disk has neither). */
export interface MediaName {
  readonly name: string;
  readonly kind?: string;
}

/**
 * Where projects keep their media for next time: the file's handle when the browser gave one,
 * else (or when asked) a copy on this device.
 */
export interface MediaVault {
  /** This file came with a handle (a drop or the file picker): keeping it needs no copy. */
  remember(file: File, handle: FileSystemFileHandle): void;
  keep(projectId: string, file: File, options: { readonly copy: boolean }): Promise<KeptMedia>;
  get(projectId: string, as: MediaName): Promise<MediaLookup>;
  /** What every project keeps, by project id (a copy cut short by a reload is not there). */
  list(): Promise<ReadonlyMap<string, KeptMedia>>;
  /** Forget the project's media: its copy's bytes are freed (the person's own file is never touched). */
  remove(projectId: string): Promise<void>;
}

export const GONE: MediaLookup = Object.freeze({ state: 'gone' });
