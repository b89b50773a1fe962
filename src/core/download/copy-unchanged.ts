import type { RepoFile } from '../hub/list-repo-files.ts';
import type { FilePlan } from '../plan/file-plan.ts';
import type { InstalledManifest } from '../store/records.ts';
import { checksumOf, hashKind } from './hash-kind.ts';
import type { TaskEvent } from './task-pool.ts';
import type { StorageContext } from './transfer-context.ts';
import { writeChunk } from './write-chunk.ts';

/** Copy one file from the installed commit into the new one, hashing as it goes, with its bytes as progress; adds it to `reused` when it verified. */
async function* copyVerified(from: InstalledManifest, plan: FilePlan, file: RepoFile, p: StorageContext & { signal: AbortSignal }, reused: Set<string>): AsyncGenerator<TaskEvent> {
  const source = await p.store.readStream({ repo: plan.repo, commit: from.commit, path: file.path });
  if (!source) return;
  const key = { repo: plan.repo, commit: plan.commit, path: file.path };
  const target = await p.store.open(key);
  const hasher = await p.createHasher(hashKind(file), file.size);
  let at = 0;
  try {
    const before = target.size();
    target.truncate(0);
    if (before > 0) yield { type: 'bytes', path: file.path, delta: -before };
    for await (const chunk of source) {
      p.signal.throwIfAborted();
      writeChunk(target, chunk, at, plan.repo, file.size - at);
      at += chunk.byteLength;
      await hasher.update(chunk.slice()); // the stream may reuse its buffer; the hasher may take ours
      yield { type: 'bytes', path: file.path, delta: chunk.byteLength };
    }
    target.flush();
  } finally {
    target.close();
  }
  if (at === file.size && (await hasher.digest()) === checksumOf(file)) return void reused.add(file.path);
  hasher.dispose();
  await p.store.remove(key);
  yield { type: 'bytes', path: file.path, delta: -at }; // fetched from the hub instead
}

/**
 * An update fetches only what changed: files whose checksum equals the installed commit's are
 * copied within the store and verified (no network), their bytes reported as progress. Adds the
 * paths that need no download to `reused`.
 */
export async function* copyUnchanged(plan: FilePlan, installed: InstalledManifest | null, p: StorageContext & { signal: AbortSignal }, reused: Set<string>): AsyncGenerator<TaskEvent> {
  if (!installed || installed.commit === plan.commit) return;
  const before = new Map(installed.files.map((f) => [f.path, f]));
  for (const file of plan.files) {
    const old = before.get(file.path);
    if (!old || old.size !== file.size || checksumOf(old) !== checksumOf(file)) continue;
    // Already copied by an update that was interrupted: its transfer verifies it from disk, no second copy.
    if ((await p.store.sizeOf({ repo: plan.repo, commit: plan.commit, path: file.path })) === file.size) continue;
    yield* copyVerified(installed, plan, file, p, reused);
  }
}
