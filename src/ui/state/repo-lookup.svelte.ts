import type { ErrorData } from '../../core/errors.ts';
import { toErrorData } from '../../core/errors.ts';
import { listRepoFiles, type RepoFile } from '../../core/hub/list-repo-files.ts';

export type LookupState =
  | { readonly type: 'idle' }
  | { readonly type: 'loading'; readonly repo: string }
  | { readonly type: 'ready'; readonly repo: string; readonly files: readonly RepoFile[] }
  | { readonly type: 'failed'; readonly repo: string; readonly error: ErrorData };

/** Looks up a repo's file listing on the configured hub. */
export class RepoLookup {
  readonly #fetch: typeof fetch;
  state = $state.raw<LookupState>({ type: 'idle' });
  totalBytes = $derived(this.state.type === 'ready' ? this.state.files.reduce((sum, f) => sum + f.size, 0) : 0);

  constructor(fetchFn: typeof fetch) {
    this.#fetch = fetchFn;
  }

  async lookup(repo: string, hubUrl: string): Promise<void> {
    const id = repo.trim();
    if (!/^[\w.-]+\/[\w.-]+$/.test(id)) {
      this.state = { type: 'failed', repo: id, error: { code: 'invalid-input', message: 'A repo id looks like "owner/name", e.g. Xenova/whisper-tiny.' } };
      return;
    }
    this.state = { type: 'loading', repo: id };
    try {
      const files = await listRepoFiles({ repo: id, revision: 'main', hubUrl, fetch: this.#fetch });
      this.state = { type: 'ready', repo: id, files };
    } catch (error) {
      this.state = { type: 'failed', repo: id, error: toErrorData(error) };
    }
  }
}
