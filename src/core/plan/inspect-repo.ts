import type { HubParams } from '../hub/hub-params.ts';
import { listRepoFiles } from '../hub/list-repo-files.ts';
import { resolveCommit } from '../hub/resolve-commit.ts';
import { availablePlans } from './file-plan.ts';
import type { DtypeOption } from './dtypes.ts';

/** The commit a revision points at and every dtype the repo can be downloaded as, with exact sizes. */
export async function inspectRepo(params: HubParams & { revision: string }): Promise<{ commit: string; options: readonly DtypeOption[] }> {
  const commit = await resolveCommit(params);
  const listing = await listRepoFiles({ ...params, revision: commit });
  const options = availablePlans(params.repo, commit, listing).map((plan) =>
    Object.freeze({ dtype: plan.dtype, totalBytes: plan.totalBytes, fileCount: plan.files.length }),
  );
  return { commit, options: Object.freeze(options) };
}
