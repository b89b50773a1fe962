import { GONE, type KeptMedia, type MediaLookup, type MediaVault } from '../ui/storage/media-vault.ts';

/** Kept media in memory for specs: copies by project; `failWith` makes keeping fail like a full disk. */
export class MemoryMediaVault implements MediaVault {
  readonly copies = new Map<string, Blob>();
  failWith: Error | null = null;

  remember(): void {}

  async keep(projectId: string, file: File): Promise<KeptMedia> {
    if (this.failWith) throw this.failWith;
    this.copies.set(projectId, file);
    return Object.freeze({ how: 'copy', bytes: file.size });
  }

  async get(projectId: string, as: { name: string; kind?: string }): Promise<MediaLookup> {
    const copy = this.copies.get(projectId);
    return copy ? Object.freeze({ state: 'ready', file: new File([copy], as.name, { type: as.kind ?? '' }) }) : GONE;
  }

  async list(): Promise<ReadonlyMap<string, KeptMedia>> {
    return new Map([...this.copies].map(([id, blob]) => [id, Object.freeze({ how: 'copy' as const, bytes: blob.size })]));
  }

  async remove(projectId: string): Promise<void> {
    this.copies.delete(projectId);
  }
}
