import { describe, expect, it } from 'vitest';
import type { VideoReply, VideoRequest } from '../../core/video/video-protocol.ts';
import { FakeWorker } from '../../testing/fake-worker.ts';
import { JobOwner, type JobWorker } from '../../workers/shared/job-owner.ts';
import { VideoExport } from './video-export.svelte.ts';

const RESULT = { name: 'talk.captioned.mp4', bytes: 1234, saved: 'exports' as const, mimeType: 'video/mp4', video: 'avc', audio: 'copied' as const };

function setup(offer: () => Promise<void>) {
  const worker = new FakeWorker<VideoRequest, VideoReply>();
  let held = 5000;
  const video = new VideoExport({
    jobs: new JobOwner<VideoRequest, VideoReply>({ spawn: () => worker as unknown as JobWorker<VideoRequest, VideoReply>, name: 'The video worker' }),
    pickTarget: async () => null,
    offer,
    exports: { bytes: async () => held, clear: async () => void (held = 0) },
    now: () => 0,
  });
  return { video, worker };
}

describe('VideoExport', () => {
  it('a download that cannot be offered ends the job with a message, never "running" forever; the leftover is counted and removable', async () => {
    const { video, worker } = setup(async () => Promise.reject(new Error('the download was blocked')));
    await video.start('burn', new File(['x'], 'talk.mp4'), [], 'talk.captioned.mp4');
    worker.reply({ type: 'result', jobId: worker.last.jobId, result: RESULT });
    await new Promise((r) => setTimeout(r, 0));
    expect([video.phase, video.error?.message, worker.terminated]).toEqual(['failed', expect.stringContaining('could not be offered as a download (the download was blocked)'), true]);
    expect(video.leftoverBytes).toBe(1234);
    await video.clearLeftover();
    expect(video.leftoverBytes).toBe(0);
  });
});

describe('VideoExport progress', () => {
  it('says the time left from the pace so far, and a crash fails the job with what to do', async () => {
    let now = 0;
    const worker = new FakeWorker<VideoRequest, VideoReply>();
    const video = new VideoExport({
      jobs: new JobOwner<VideoRequest, VideoReply>({ spawn: () => worker as unknown as JobWorker<VideoRequest, VideoReply>, name: 'The video worker' }),
      pickTarget: async () => null,
      offer: async () => undefined,
      exports: { bytes: async () => 0, clear: async () => undefined },
      now: () => now,
    });
    await video.start('burn', new File(['x'], 'talk.mp4'), [], 'talk.captioned.mp4');
    now = 10_000;
    worker.reply({ type: 'progress', jobId: worker.last.jobId, progress: { done: 20, total: 100, unit: 'seconds' } });
    expect([video.fraction, video.secondsLeft]).toEqual([0.2, 40]);
    worker.fire('error', { message: 'out of memory' });
    expect([video.phase, video.error?.message]).toEqual(['failed', 'The video worker stopped (out of memory). Try again; a shorter or smaller video needs less memory.']);
  });
});
