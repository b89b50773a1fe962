/// <reference lib="webworker" />
import { SpeakerDetector } from '../core/speakers/speaker-detector.ts';
import { segmentLoop } from '../core/speakers/segment-loop.ts';
import type { SpeakersReply, SpeakersRequest } from '../core/speakers/speakers-protocol.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';
import { segmentationSession } from './speakers/segmentation-session.ts';
import { AudioStream } from './transcribe/audio-stream.ts';

/** Who speaks when, with a downloaded segmentation model: its own worker, so the page and the transcription never wait on it. */
declare const self: DedicatedWorkerGlobalScope;

const post = postTo<SpeakersReply>(self);

serveJobs<SpeakersRequest, SpeakersReply>(self, {
  post,
  async handle({ jobId, repo, source, speakers }) {
    const started = performance.now();
    const segment = await segmentationSession(repo);
    const stream = new AudioStream(source.port);
    const samples = {
      get seconds() { return stream.seconds; },
      get ended() { return stream.ended; },
      more: () => stream.more(),
      subarray: (start: number, end: number) => stream.buffer.subarray(start, end),
      keepFrom: (seconds: number) => stream.keepFrom(seconds),
    };
    const detector = new SpeakerDetector();
    const total = (): number => Math.max(source.seconds, stream.seconds);
    const chunks = await segmentLoop(samples, segment, detector, (done) => post({ type: 'progress', jobId, progress: { done, total: total(), unit: 'seconds' } }));
    if (stream.failure) throw stream.failure;
    post({ type: 'result', jobId, result: { turns: detector.turns(speakers), chunks, elapsedMs: performance.now() - started } });
  },
});
