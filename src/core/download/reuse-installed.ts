import type { RepoFile } from '../hub/list-repo-files.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import type { ModelStore } from '../store/model-store.ts';
import type { InstalledManifest } from '../store/records.ts';
import type { HasherFactory } from './hasher.ts';
import { checksumOf as checksum, hashKind } from './hash-kind.ts';
import { writeChunk } from './write-chunk.ts';

export interface ReuseParams {
  readonly store: ModelStore;
  readonly createHasher: HasherFactory;
  readonly signal: AbortSignal;
}

/** Copy one file from the installed commit into the new one, hashing as it goes; true when it verified. */
async function copyVerified(from: InstalledManifest, plan: FilePlan, file: RepoFile, p: ReuseParams): Promise<boolean> {
  const source = await p.store.readStream({ repo: plan.repo, commit: from.commit, path: file.path });
  if (!source) return false;
  const key = { repo: plan.repo, commit: plan.commit, path: file.path };
  const target = await p.store.open(key);
  const hasher = await p.createHasher(hashKind(file), file.size);
  let at = 0;
  try {
    target.truncate(0);
    for await (const chunk of source) {
      p.signal.throwIfAborted();
      writeChunk(target, chunk, at, plan.repo, file.size - at);
      at += chunk.byteLength;
      await hasher.update(chunk.slice()); // the stream may reuse its buffer; the hasher may take ours
    }
    target.flush();
  } finally {
    target.close();
  }
  if (at === file.size && (await hasher.digest()) === checksum(file)) return true;
  hasher.dispose();
  await p.store.remove(key);
  return false;
}

/**
 * An update fetches only what changed: files whose checksum equals the installed commit's are
 * copied within the store and verified (no network). Returns the paths that need no download.
 */
export async function reuseInstalled(plan: FilePlan, installed: InstalledManifest | null, p: ReuseParams): Promise<ReadonlySet<string>> {
  const reused = new Set<string>();
  if (!installed || installed.commit === plan.commit) return reused;
  const before = new Map(installed.files.map((f) => [f.path, f]));
  for (const file of plan.files) {
    const old = before.get(file.path);
    if (!old || old.size !== file.size || checksum(old) !== checksum(file)) continue;
    // Already copied by an update that was interrupted: its task verifies it from disk, no second copy.
    if ((await p.store.sizeOf({ repo: plan.repo, commit: plan.commit, path: file.path })) === file.size) continue;
    if (await copyVerified(installed, plan, file, p)) reused.add(file.path);
  }
  return reused;
}
