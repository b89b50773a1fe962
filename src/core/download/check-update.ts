import type { HubParams } from '../hub/hub-params.ts';
import { listRepoFiles } from '../hub/list-repo-files.ts';
import { resolveCommit } from '../hub/resolve-commit.ts';
import { planFiles } from '../plan/file-plan.ts';
import type { InstalledManifest } from '../store/records.ts';

/** A newer commit of an installed model, and what updating to it downloads (files whose checksum changed). */
export interface UpdateInfo {
  readonly repo: string;
  readonly revision: string;
  readonly fromCommit: string;
  readonly toCommit: string;
  readonly changedFiles: readonly string[];
  readonly downloadBytes: number;
}

/** Whether the revision an installed model came from has moved on; null when it has not (or the dtype is gone). */
export async function checkForUpdate(manifest: InstalledManifest, hub: Omit<HubParams, 'repo'>): Promise<UpdateInfo | null> {
  const revision = manifest.revision ?? 'main';
  const params = { ...hub, repo: manifest.repo };
  const toCommit = await resolveCommit({ ...params, revision });
  if (toCommit === manifest.commit) return null;
  const plan = planFiles(manifest.repo, toCommit, await listRepoFiles({ ...params, revision: toCommit }), manifest.dtype);
  if (!plan) return null;
  const before = new Map(manifest.files.map((f) => [f.path, f.sha256 ?? f.oid]));
  const changed = plan.files.filter((f) => before.get(f.path) !== (f.sha256 ?? f.oid));
  return Object.freeze({
    repo: manifest.repo,
    revision,
    fromCommit: manifest.commit,
    toCommit,
    changedFiles: Object.freeze(changed.map((f) => f.path)),
    downloadBytes: changed.reduce((sum, f) => sum + f.size, 0),
  });
}
