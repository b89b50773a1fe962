import { describe, expect, it } from 'vitest';
import type { VideoReply } from '../../core/video-protocol.ts';
import { VideoExport } from './video-export.svelte.ts';

/** A video worker whose replies the spec sends. */
function fakeWorker() {
  return { onmessage: null as ((event: MessageEvent<VideoReply>) => void) | null, onerror: null, terminated: false, postMessage() {}, terminate() { this.terminated = true; } };
}

const RESULT = { name: 'talk.captioned.mp4', bytes: 1234, saved: 'exports' as const, mimeType: 'video/mp4', video: 'avc', audio: 'copied' };

function setup(offer: () => Promise<void>) {
  const worker = fakeWorker();
  let held = 5000;
  const video = new VideoExport({
    makeWorker: () => worker as unknown as Worker,
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
    worker.onmessage!({ data: { type: 'done', result: RESULT } } as MessageEvent<VideoReply>);
    await new Promise((r) => setTimeout(r, 0));
    expect([video.phase, video.error?.message, worker.terminated]).toEqual(['failed', expect.stringContaining('could not be offered as a download (the download was blocked)'), true]);
    expect(video.leftoverBytes).toBe(1234);
    await video.clearLeftover();
    expect(video.leftoverBytes).toBe(0);
  });
});
