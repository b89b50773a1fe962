import { describe, expect, it } from 'vitest';
import type { JobReply } from '../../core/job/job-protocol.ts';
import { FakeWorker } from '../../testing/fake-worker.ts';
import { JobOwner, type JobWorker } from './job-owner.ts';

type Req = { readonly type: 'count'; readonly jobId: string; readonly to: number } | { readonly type: 'cancel'; readonly jobId: string };
type Reply = JobReply<{ readonly counted: number }, string>;

function owner() {
  const workers: FakeWorker<Req, unknown>[] = [];
  const deaths = new Map<string, () => void>();
  let ids = 0;
  const jobs = new JobOwner<Req, Reply>({
    spawn: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as JobWorker<Req, Reply>),
    name: 'The counting worker',
    watchLife: (lock, ondeath) => deaths.set(lock, ondeath),
    newId: () => `j${ids++}`,
  });
  const heard: Reply[] = [];
  const run = (advice?: string): string => jobs.run({ type: 'count', to: 3 }, { onreply: (r) => heard.push(r), advice });
  return { jobs, workers, deaths, heard, run };
}

describe('JobOwner', () => {
  it('spawns one worker, gives each job an id and routes its replies to it until it ends', () => {
    const { jobs, workers, heard, run } = owner();
    const [a, b] = [run(), run()];
    expect(workers).toHaveLength(1);
    expect(workers[0].sent).toEqual([{ type: 'count', to: 3, jobId: a }, { type: 'count', to: 3, jobId: b }]);
    expect(Object.isFrozen(workers[0].sent[0])).toBe(true);
    workers[0].reply({ type: 'progress', jobId: a, progress: { done: 1, total: 3, unit: 'seconds' } });
    workers[0].reply({ type: 'result', jobId: a, result: { counted: 3 } });
    workers[0].reply({ type: 'update', jobId: a, update: 'late' });
    workers[0].reply({ type: 'update', jobId: 'someone-else', update: 'not mine' });
    expect(heard.map((r) => r.type)).toEqual(['progress', 'result']);
    expect(jobs.running).toBe(1);
    jobs.send({ type: 'cancel', jobId: a });
    expect(workers[0].sent).toHaveLength(2);
    jobs.send({ type: 'cancel', jobId: b });
    expect(workers[0].last).toEqual({ type: 'cancel', jobId: b });
  });

  it('a terminate cancels every running job, and the next job gets a fresh worker', () => {
    const { jobs, workers, heard, run } = owner();
    const a = run();
    jobs.terminate();
    expect(workers[0].terminated).toBe(true);
    expect(heard).toEqual([{ type: 'cancelled', jobId: a }]);
    run();
    expect(workers).toHaveLength(2);
  });

  it('a crash, an unreadable message or a lost life lock fails the running jobs with what to do', () => {
    const { workers, deaths, heard, run } = owner();
    run('Press Start to try again.');
    workers[0].fire('error', { message: 'Uncaught RangeError: out of memory' });
    expect(heard[0]).toMatchObject({ type: 'failed', error: { code: 'crashed', message: 'The counting worker stopped (Uncaught RangeError: out of memory). Press Start to try again.' } });
    expect(workers[0].terminated).toBe(true);
    run();
    workers[1].fire('messageerror', {});
    expect(heard[1]).toMatchObject({ type: 'failed', error: { message: 'The counting worker stopped (a message could not be read).' } });
    run();
    workers[2].reply({ type: 'alive', lock: 'L' });
    deaths.get('L')!();
    expect(heard[2]).toMatchObject({ type: 'failed', error: { message: 'The counting worker stopped (it was closed or crashed).' } });
    workers[2].fire('error', {});
    expect(heard).toHaveLength(3);
  });
});
