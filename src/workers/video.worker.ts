/// <reference lib="webworker" />
import type { VideoReply, VideoRequest } from '../core/video/video-protocol.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';
import { startVideoJob, type VideoJob } from './video/video-job.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = postTo<VideoReply>(self);
const jobs = new Map<string, VideoJob>();

/** Burn captions in, or add them as a track; `cancel` stops a job and removes its output. */
serveJobs<VideoRequest, VideoReply>(self, {
  post,
  async handle(request) {
    if (request.type === 'cancel') return jobs.get(request.jobId)?.cancel();
    const job = startVideoJob(request, post);
    jobs.set(request.jobId, job);
    await job.done.finally(() => jobs.delete(request.jobId));
  },
});
