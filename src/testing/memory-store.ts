import type { FileKey, ModelStore, StoredFile } from '../core/store/model-store.ts';
import type { InstalledManifest, PendingDownload, RecordStore } from '../core/store/records.ts';

const id = (key: FileKey): string => `${key.repo}/${key.commit}/${key.path}`;

/** A ModelStore in memory for specs; `quota` makes writes past it fail like OPFS does. */
export class MemoryStore implements ModelStore {
  readonly files = new Map<string, Uint8Array>();
  quota = Number.POSITIVE_INFINITY;

  used(): number {
    return [...this.files.values()].reduce((sum, f) => sum + f.length, 0);
  }

  async open(key: FileKey): Promise<StoredFile> {
    const name = id(key);
    if (!this.files.has(name)) this.files.set(name, new Uint8Array(0));
    let closed = false;
    // As OPFS's access handle: a closed handle throws, so a late write of a cancelled run never lands.
    const open = (): void => {
      if (closed) throw Object.assign(new Error('the access handle is closed'), { name: 'InvalidStateError' });
    };
    const get = (): Uint8Array => this.files.get(name) ?? new Uint8Array(0);
    const set = (bytes: Uint8Array): void => {
      open();
      this.files.set(name, bytes);
    };
    return {
      size: () => get().length,
      write: (data, at) => {
        open();
        const grown = Math.max(get().length, at + data.length);
        if (this.used() - get().length + grown > this.quota) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
        const next = new Uint8Array(grown);
        next.set(get());
        next.set(data, at);
        set(next);
      },
      read: (into, at) => {
        open();
        const part = get().subarray(at, at + into.length);
        into.set(part);
        return part.length;
      },
      truncate: (size) => set(get().slice(0, size)),
      flush: () => undefined,
      close: () => void (closed = true),
    };
  }

  async sizeOf(key: FileKey): Promise<number | null> {
    return this.files.get(id(key))?.length ?? null;
  }

  async remove(key: FileKey): Promise<void> {
    this.files.delete(id(key));
  }

  async removeRepo(repo: string): Promise<void> {
    for (const name of [...this.files.keys()]) if (name.startsWith(`${repo}/`)) this.files.delete(name);
  }

  async removeCommit(repo: string, commit: string): Promise<void> {
    for (const name of [...this.files.keys()]) if (name.startsWith(`${repo}/${commit}/`)) this.files.delete(name);
  }

  async readStream(key: FileKey): Promise<ReadableStream<Uint8Array> | null> {
    const bytes = this.files.get(id(key));
    if (!bytes) return null;
    const copy = bytes.slice();
    return new ReadableStream({ start: (c) => { for (let at = 0; at < copy.length; at += 1 << 20) c.enqueue(copy.subarray(at, at + (1 << 20))); c.close(); } });
  }

  async listCommits(): Promise<readonly { repo: string; commit: string; bytes: number }[]> {
    const byCommit = new Map<string, { repo: string; commit: string; bytes: number }>();
    for (const [name, bytes] of this.files) {
      const [owner, repoName, commit] = name.split('/');
      const key = `${owner}/${repoName}/${commit}`;
      const entry = byCommit.get(key) ?? { repo: `${owner}/${repoName}`, commit, bytes: 0 };
      byCommit.set(key, { ...entry, bytes: entry.bytes + bytes.length });
    }
    return [...byCommit.values()];
  }

  async repoBytes(repo: string): Promise<number> {
    return [...this.files].filter(([name]) => name.startsWith(`${repo}/`)).reduce((sum, [, f]) => sum + f.length, 0);
  }
}

export class MemoryRecords implements RecordStore {
  readonly manifests = new Map<string, InstalledManifest>();
  readonly pending = new Map<string, PendingDownload>();

  async getManifest(repo: string) { return this.manifests.get(repo) ?? null; }
  async putManifest(m: InstalledManifest) { this.manifests.set(m.repo, m); }
  async deleteManifest(repo: string) { this.manifests.delete(repo); }
  async listManifests() { return [...this.manifests.values()]; }
  async getPending(repo: string) { return this.pending.get(repo) ?? null; }
  async putPending(p: PendingDownload) { this.pending.set(p.plan.repo, p); }
  async deletePending(repo: string) { this.pending.delete(repo); }
  async listPending() { return [...this.pending.values()]; }
}
