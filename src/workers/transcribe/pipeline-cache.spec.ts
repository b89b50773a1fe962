import { describe, expect, it } from 'vitest';
import { singleModelCache } from './pipeline-cache.ts';

function fakeModels() {
  const disposed: string[] = [];
  const load = async (key: string) => ({ key, dispose: async () => void disposed.push(key) });
  return { disposed, load };
}

describe('singleModelCache', () => {
  it('reuses the loaded model, and disposes the previous one when switching', async () => {
    const { disposed, load } = fakeModels();
    const cache = singleModelCache(load);
    const tiny = await cache.get('tiny');
    expect(await cache.get('tiny')).toBe(tiny);
    await cache.get('small');
    await cache.get('tiny');
    expect(disposed).toEqual(['tiny', 'small']);
    expect(cache.inMemory).toBe(1);
  });

  it('releases the previous model before loading the next, never holding two', async () => {
    const events: string[] = [];
    const cache = singleModelCache(async (key) => (events.push(`load ${key}`), { dispose: async () => void events.push(`dispose ${key}`) }));
    await cache.get('tiny');
    await cache.get('small');
    expect(events).toEqual(['load tiny', 'dispose tiny', 'load small']);
  });

  it('forgets a load that failed, so the next ask loads again', async () => {
    let attempts = 0;
    const cache = singleModelCache(async (key) => {
      attempts += 1;
      if (attempts === 1) throw new Error('broken file');
      return { key, dispose: async () => undefined };
    });
    await expect(cache.get('tiny')).rejects.toThrow('broken file');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cache.get('tiny')).key).toBe('tiny');
  });
});
