import { describe, expect, it } from 'vitest';
import { runPool, type PoolTask, type TaskEvent } from './task-pool.ts';

/** A task that reports some bytes, then waits until released or aborted. */
function gatedTask(name: string, log: string[]): PoolTask & { release(): void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    async *run(signal) {
      log.push(`start ${name}`);
      yield { type: 'bytes', path: name, delta: 1 };
      await Promise.race([gate, new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error(`${name} aborted`))))]);
      log.push(`end ${name}`);
    },
  };
}

async function collect(events: AsyncGenerator<TaskEvent>): Promise<TaskEvent[]> {
  const out: TaskEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('runPool', () => {
  it('starts two at first and one more each time one ends, in order', async () => {
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((n) => gatedTask(n, log));
    const done = collect(runPool(tasks, { signal: new AbortController().signal, now: () => 0 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start a', 'start b']);
    tasks[0].release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toContain('start c');
    expect(log).not.toContain('start d');
    tasks.slice(1).forEach((t) => t.release());
    expect((await done).map((e) => e.path)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a failure aborts the others and is thrown only after they stopped', async () => {
    const log: string[] = [];
    const slow = gatedTask('slow', log);
    const failing: PoolTask = {
      async *run() {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('disk full');
      },
    };
    await expect(collect(runPool([slow, failing], { signal: new AbortController().signal, now: () => 0 }))).rejects.toThrow('disk full');
    expect(log).toEqual(['start slow']); // stopped by the abort, never reached its end
  });
});
