import { describe, expect, it } from 'vitest';
import { MemoryMediaVault } from '../../testing/memory-media-vault.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { BatchQueue } from './batch-queue.svelte.ts';
import { FakeRunner, memoryQueueStore, OPTIONS } from '../../testing/fake-queue-runner.ts';

function setup(shared = { projects: new MemoryProjectStore(), vault: new MemoryMediaVault(), store: memoryQueueStore() }) {
  let id = 0;
  const runner = new FakeRunner(shared.projects);
  const queue = new BatchQueue({ runner, ...shared, newId: () => `q${id++}`, now: () => 0 });
  return { ...shared, runner, queue };
}

const files = (...names: string[]) => names.map((name) => new File([`bytes of ${name}`], name, { type: 'audio/wav' }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BatchQueue', () => {
  it('runs one file at a time into its own project, and a failure does not stop the rest', async () => {
    const { queue, runner, projects, vault } = setup();
    await queue.add(files('a.wav', 'b.txt', 'c.wav'), OPTIONS, { copy: false });
    expect(runner.runs.map((r) => r.projectId)).toEqual(['q0']);
    expect([...projects.metas.values()].map((m) => [m.name, m.status])).toEqual([['b.txt', 'queued'], ['c.wav', 'queued']]); // a.wav's run begins its own
    expect([...(await vault.list()).keys()]).toEqual(['q0', 'q1', 'q2']);
    runner.end('done');
    await settle();
    runner.end('failed', 'b.txt is not audio.');
    await settle();
    expect(runner.runs.map((r) => r.name)).toEqual(['a.wav', 'b.txt', 'c.wav']);
    expect(queue.items.map((i) => [i.status, i.message])).toEqual([['done', undefined], ['failed', 'b.txt is not audio.'], ['running', undefined]]);
    expect(queue.summary).toMatchObject({ finished: 2, total: 3 });
    // b.txt was never read, so its project never began: it says how it ended.
    expect(projects.metas.get('q1')).toMatchObject({ status: 'failed', message: 'b.txt is not audio.' });
  });

  it('resumes after a reload from the kept copies: what ran starts again', async () => {
    const first = setup();
    await first.queue.add(files('a.wav', 'b.wav'), OPTIONS, { copy: false });
    const again = setup({ projects: first.projects, vault: first.vault, store: first.store });
    await again.queue.restore();
    expect(again.runner.runs).toEqual([{ name: 'a.wav', projectId: 'q0', text: 'bytes of a.wav' }]);
    again.runner.end('done');
    await settle();
    expect(again.runner.runs.map((r) => r.text)).toEqual(['bytes of a.wav', 'bytes of b.wav']);
  });

  it('asks for a file that is no longer kept, and goes on when it is picked', async () => {
    const first = setup();
    first.vault.failWith = new DOMException('full', 'QuotaExceededError');
    await first.queue.add(files('a.wav'), OPTIONS, { copy: false });
    expect(first.queue.notice).toContain('a.wav could not be kept on this device');
    const again = setup({ projects: first.projects, vault: first.vault, store: first.store });
    await again.queue.restore();
    expect(again.queue.items[0]).toMatchObject({ status: 'needs-file', message: 'a.wav is no longer kept on this device: pick it again to go on.' });
    again.vault.failWith = null;
    await again.queue.pick('q0', files('a.wav')[0]);
    await settle();
    expect(again.runner.runs.map((r) => r.name)).toEqual(['a.wav']);
  });

  it('reorders, pauses, resumes and cancels one file', async () => {
    const { queue, runner } = setup();
    await queue.add(files('a.wav', 'b.wav', 'c.wav', 'd.wav'), OPTIONS, { copy: false });
    queue.move('q3', -2);
    queue.pause('q1');
    queue.cancel('q2');
    expect(queue.items.map((i) => `${i.name}:${i.status}`)).toEqual(['a.wav:running', 'd.wav:queued', 'b.wav:paused', 'c.wav:cancelled']);
    queue.pause('q0'); // the running one stops, to run again from the start when resumed
    await settle();
    expect(runner.runs.map((r) => r.name)).toEqual(['a.wav', 'd.wav']);
    queue.resume('q0');
    queue.resume('q1');
    runner.end('done');
    await settle();
    expect(runner.runs.map((r) => r.name)).toEqual(['a.wav', 'd.wav', 'a.wav']);
    queue.clearFinished();
    expect(queue.items.map((i) => i.name)).toEqual(['a.wav', 'b.wav']);
  });
});
