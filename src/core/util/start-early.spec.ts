import { describe, expect, it } from 'vitest';
import { startEarly } from './start-early.ts';

describe('startEarly', () => {
  it('asks for the first item at once, then yields every item in order', async () => {
    const asked: number[] = [];
    async function* numbers(): AsyncGenerator<number> {
      for (let i = 0; i < 3; i++) {
        asked.push(i);
        yield i;
      }
    }
    const early = startEarly(numbers());
    await Promise.resolve();
    expect(asked).toEqual([0]);
    const seen: number[] = [];
    for await (const n of early) seen.push(n);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('a failure before the first item comes out where it is awaited, not as an unhandled rejection', async () => {
    async function* failing(): AsyncGenerator<number> {
      throw new Error('no audio');
    }
    const early = startEarly(failing());
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect((async () => { for await (const _ of early) void _; })()).rejects.toThrow('no audio');
  });
});
