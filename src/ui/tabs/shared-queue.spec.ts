import { describe, expect, it } from 'vitest';
import { FakeRunner, memoryQueueStore, OPTIONS } from '../../testing/fake-queue-runner.ts';
import { MemoryLockBroker } from '../../testing/memory-hold-lock.ts';
import { MemoryMediaVault } from '../../testing/memory-media-vault.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { MemoryTabBus } from '../../testing/memory-tab-bus.ts';
import { BatchQueue } from '../queue/batch-queue.svelte.ts';
import type { HeldLock, HoldLock } from './held-lock.ts';
import { SharedQueue } from './shared-queue.svelte.ts';
import { tabSignals } from './tab-signals.ts';

const settle = (ms = 20): Promise<void> => new Promise((r) => setTimeout(r, ms));
const files = (...names: string[]) => names.map((name) => new File([`bytes of ${name}`], name, { type: 'audio/wav' }));

/** Tabs of one browser: one IndexedDB (projects, queue, media), one set of locks, one channel. */
function browser() {
  const shared = { projects: new MemoryProjectStore(), vault: new MemoryMediaVault(), store: memoryQueueStore() };
  const [broker, bus] = [new MemoryLockBroker(), new MemoryTabBus()];
  let id = 0;
  const tab = () => {
    const runner = new FakeRunner(shared.projects);
    const ticks: (() => void)[] = [];
    const held: HeldLock[] = [];
    const hold: HoldLock = async (name, options) => {
      const lock = await broker.hold(name, options);
      if (lock) held.push(lock);
      return lock;
    };
    const batch = new BatchQueue({ runner, ...shared, newId: () => `q${id++}`, now: () => 0 });
    const queue = new SharedQueue({ queue: batch, hold, signals: tabSignals(bus.port()), every: (_ms, tick) => void ticks.push(tick) });
    void queue.lead();
    /** The tab closes: the browser lets go of its locks. */
    const close = (): void => held.forEach((lock) => lock.release());
    return { runner, queue, close, tell: () => ticks.forEach((t) => t()) };
  };
  return { tab };
}

describe('SharedQueue', () => {
  it('runs in one tab only; another tab hands it files and clicks, shows its state, and takes over when it closes', async () => {
    const { tab } = browser();
    const a = tab();
    await settle();
    const b = tab();
    await settle();
    expect([a.queue.leading, b.queue.leading]).toEqual([true, false]);

    await b.queue.add(files('one.wav', 'two.wav', 'three.wav'), OPTIONS, { copy: true });
    await settle();
    expect(a.runner.runs.map((r) => r.name)).toEqual(['one.wav']);
    expect(b.runner.runs).toEqual([]);
    a.tell();
    await settle();
    expect(b.queue.items.map((i) => [i.name, i.status])).toEqual([['one.wav', 'running'], ['two.wav', 'queued'], ['three.wav', 'queued']]);

    b.queue.pause(b.queue.items[2].id); // a click in B acts on A's queue
    await settle();
    expect(a.queue.items[2].status).toBe('paused');

    a.close(); // A's tab goes while one.wav runs: B runs the queue from where it was saved
    await settle();
    expect(b.queue.leading).toBe(true);
    expect(b.runner.runs.map((r) => r.name)).toEqual(['one.wav']);
    expect(b.queue.items.map((i) => i.status)).toEqual(['running', 'queued', 'paused']);
  });
});
