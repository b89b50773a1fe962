import type { ModelStore } from './model-store.ts';
import type { RecordStore } from './records.ts';

export interface SweepParams {
  readonly store: ModelStore;
  readonly records: RecordStore;
  /** Runs `work` holding the repo's lock if no tab holds it (a download there may be writing); false when it could not. */
  readonly withRepoLock: (repo: string, work: () => Promise<void>) => Promise<boolean>;
}

/** The commits a record names for a repo: its installed manifest's and its pending download's. */
async function namedCommits(records: RecordStore, repo: string): Promise<ReadonlySet<string>> {
  const [manifest, pending] = await Promise.all([records.getManifest(repo), records.getPending(repo)]);
  return new Set([manifest?.commit, pending?.plan.commit].filter((c): c is string => c !== undefined));
}

/**
 * Remove commit folders no record names (an update or delete interrupted after the manifest moved
 * on, a record lost): bytes nobody can use or see. Each repo is swept under its lock, and records
 * are read again inside it, so a download that is starting is never swept. Returns the bytes freed.
 */
export async function sweepOrphans(p: SweepParams): Promise<number> {
  const commits = await p.store.listCommits();
  let freed = 0;
  for (const repo of new Set(commits.map((c) => c.repo))) {
    await p.withRepoLock(repo, async () => {
      const named = await namedCommits(p.records, repo);
      for (const orphan of commits.filter((c) => c.repo === repo && !named.has(c.commit))) {
        await p.store.removeCommit(repo, orphan.commit);
        freed += orphan.bytes;
      }
    });
  }
  return freed;
}
