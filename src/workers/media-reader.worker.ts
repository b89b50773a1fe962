/// <reference lib="webworker" />
import { StudioError } from '../core/errors.ts';
import type { MediaSpan } from '../core/media/media-span.ts';
import type { ReaderReply, ReaderRequest } from '../core/media/media-protocol.ts';
import { openMedia, type OpenedMedia } from './media/open-media.ts';
import { streamPcm } from './media/stream-pcm.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Progress to the page at most this often. */
const PROGRESS_MS = 250;

const post = postTo<ReaderReply>(self);
let opened: OpenedMedia | null = null;
let name = 'The file';

async function open(jobId: string, file: Blob & { readonly name?: string }): Promise<void> {
  name = file.name ?? name;
  const result = await openMedia(file, name);
  if (result.kind === 'refused') throw new StudioError({ code: 'unsupported', message: result.message });
  opened = result.kind === 'opened' ? result : null;
  post({ type: 'result', jobId, result: { seconds: opened ? opened.seconds : null } });
}

async function read(jobId: string, port: MessagePort, span?: MediaSpan): Promise<void> {
  if (!opened) throw new StudioError({ code: 'invalid-input', message: `${name} was not opened before it was read.` });
  const [media, total] = [opened, span ? Math.min(opened.seconds, span.to) - span.from : opened.seconds];
  let last = 0;
  const onProgress = (done: number): void => {
    if (performance.now() - last < PROGRESS_MS) return;
    last = performance.now();
    post({ type: 'progress', jobId, progress: { done, total, unit: 'seconds' } });
  };
  const onJump = (jump: { at: number; seconds: number }): void => post({ type: 'update', jobId, update: { type: 'jump', ...jump } });
  const seconds = await streamPcm(media.track, port, { name, onProgress, onJump, span });
  post({ type: 'result', jobId, result: { seconds } });
  media.input.dispose();
}

/** One file per worker: the page makes a reader for each job and terminates it to cancel. */
serveJobs<ReaderRequest, ReaderReply>(self, {
  post,
  handle: (request) => (request.type === 'open' ? open(request.jobId, request.file) : read(request.jobId, request.port, request.span)),
});
