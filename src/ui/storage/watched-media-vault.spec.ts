import { describe, expect, it } from 'vitest';
import { MemoryMediaVault } from '../../testing/memory-media-vault.ts';
import { watchedMediaVault } from './watched-media-vault.ts';

describe('watchedMediaVault', () => {
  it('tells of a kept copy only once it is kept, and of a freed one once it is gone', async () => {
    const inner = new MemoryMediaVault();
    const heard: string[] = [];
    const vault = watchedMediaVault(inner, (id) => heard.push(`${id}:${inner.copies.has(id) ? 'kept' : 'gone'}`));
    await vault.keep('p1', new File(['abc'], 'a.wav'), { copy: true });
    await vault.remove('p1');
    expect(heard).toEqual(['p1:kept', 'p1:gone']);
  });

  it('says nothing when keeping fails, and the failure reaches the caller', async () => {
    const inner = new MemoryMediaVault();
    inner.failWith = new Error('full');
    const heard: string[] = [];
    const vault = watchedMediaVault(inner, (id) => heard.push(id));
    await expect(vault.keep('p1', new File(['abc'], 'a.wav'), { copy: true })).rejects.toThrow('full');
    expect(heard).toEqual([]);
  });
});
