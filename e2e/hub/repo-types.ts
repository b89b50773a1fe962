import type { Readable } from 'node:stream';

/** One file of a repo served by the hub double. */
export interface HubFile {
  readonly path: string;
  readonly size: number;
  /** Stored in LFS: resolve answers 302 to the CDN origin. */
  readonly lfs: boolean;
  /** sha256 of the content (hex); async because synthetic files hash lazily. */
  sha256(): Promise<string>;
  /** Git blob sha1 of what git stores: the content, or the LFS pointer. */
  gitOid(): Promise<string>;
  /** Bytes [start, end] inclusive, streamed without holding the file in memory. */
  open(start: number, end: number): Readable;
}

export interface HubRepo {
  readonly id: string;
  /** The single commit the double knows for this repo (branch `main` points at it). */
  readonly sha: string;
  /** Gated: metadata is public, file downloads need a token with access. */
  readonly gated: boolean;
  readonly files: readonly HubFile[];
}
