/// <reference lib="webworker" />
import type { VideoReply, VideoRequest } from '../core/video-protocol.ts';
import { startVideoJob, type VideoJob } from './video/video-job.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: VideoReply): void => self.postMessage(Object.freeze(reply));
let job: VideoJob | null = null;

/** One job per worker: burn captions in, or add them as a track; `cancel` stops it and removes its output. */
self.onmessage = (event: MessageEvent<VideoRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') return job?.cancel();
  if (job) return;
  job = startVideoJob(request, post);
};
