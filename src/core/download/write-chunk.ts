import type { StoredFile } from '../store/model-store.ts';
import { isQuotaError } from './attempt-error.ts';
import { quotaError } from './file-errors.ts';

/** Write bytes at an offset; a full disk becomes the quota message that says how much more is needed. */
export function writeChunk(handle: StoredFile, chunk: Uint8Array, at: number, repo: string, missingBytes: number): void {
  try {
    handle.write(chunk, at);
  } catch (error) {
    if (isQuotaError(error)) throw quotaError(repo, missingBytes);
    throw error;
  }
}
