import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gitBlobOid } from './git-oid.ts';
import type { HubFile, HubRepo } from './repo-types.ts';

/** A small (non-LFS) file held in memory: what a commit that edits a JSON file adds. */
function bufferFile(path: string, content: Buffer): HubFile {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const oid = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
  return {
    path,
    size: content.length,
    lfs: false,
    sha256: async () => sha256,
    gitOid: async () => oid,
    open: (start, end) => Readable.from([content.subarray(start, end + 1)]),
  };
}

/**
 * Every commit the double knows, per repo: `main` is the newest, older ones stay reachable by
 * sha (as on the hub), so an installed model's commit keeps resolving after the repo moved on.
 */
export class RepoHistory {
  readonly #commits = new Map<string, HubRepo[]>();

  constructor(repos: readonly HubRepo[]) {
    for (const repo of repos) this.#commits.set(repo.id, [repo]);
  }

  /** The repo at a revision: `main`/`HEAD` for the newest commit, or a commit sha. */
  find(id: string, revision: string): HubRepo | 'no-repo' | 'no-revision' {
    const commits = this.#commits.get(id);
    if (!commits) return 'no-repo';
    const wanted = decodeURIComponent(revision);
    if (wanted === 'main' || wanted === 'HEAD') return commits[commits.length - 1];
    return commits.find((c) => c.sha === wanted) ?? 'no-revision';
  }

  /** Publish a new commit on `main` where one small file has new content; returns its sha. */
  publish(id: string, path: string, text: string): string {
    const commits = this.#commits.get(id);
    if (!commits) throw new Error(`No repo ${id}`);
    const head = commits[commits.length - 1];
    const sha = gitBlobOid(`${head.sha}\n${path}\n${text}`); // any 40-hex id, stable for the same edit
    const edited = bufferFile(path, Buffer.from(text));
    const files = [...head.files.filter((f) => f.path !== path), edited].sort((a, b) => a.path.localeCompare(b.path));
    commits.push({ ...head, sha, files });
    return sha;
  }

  /** Back to one commit per repo, as started. */
  reset(): void {
    for (const [id, commits] of this.#commits) this.#commits.set(id, commits.slice(0, 1));
  }
}
