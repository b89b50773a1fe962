import { listFiles } from '@huggingface/hub';
import { hubFetch } from './hub-fetch.ts';
import { HUB_URL } from './hub-url.ts';
import type { HubParams } from './hub-params.ts';
import { rethrowHubError } from './rethrow-hub-error.ts';

/** A file of a repo at one revision, as the hub's tree listing describes it. */
export interface RepoFile {
  readonly path: string;
  readonly size: number;
  /** Git blob sha1: what the hub gives for small (non-LFS) files. */
  readonly oid: string;
  /** sha256 of the content for LFS files; null for small files (check `oid` instead). */
  readonly sha256: string | null;
}

/**
 * Every file of a repo at a revision, following the tree API's `Link` paging.
 * @returns files sorted by path; directories are left out.
 */
export async function listRepoFiles(params: HubParams & { revision: string }): Promise<readonly RepoFile[]> {
  const files: RepoFile[] = [];
  try {
    for await (const entry of listFiles({
      repo: { type: 'model', name: params.repo },
      revision: params.revision,
      recursive: true,
      hubUrl: params.hubUrl ?? HUB_URL,
      accessToken: params.accessToken,
      fetch: hubFetch(params.hubUrl ?? HUB_URL, params.fetch, params.signal, params.timeoutMs),
    })) {
      if (entry.type !== 'file') continue;
      files.push(Object.freeze({ path: entry.path, size: entry.size, oid: entry.oid ?? '', sha256: entry.lfs?.oid ?? null }));
    }
  } catch (error) {
    rethrowHubError(error, params.repo, params.timeoutMs);
  }
  return Object.freeze(files.sort((a, b) => a.path.localeCompare(b.path)));
}
