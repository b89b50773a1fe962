/// <reference lib="webworker" />
import type { MediaSpan, ReaderReply, ReaderRequest } from '../core/media-protocol.ts';
import { openMedia, type OpenedMedia } from './media/open-media.ts';
import { streamPcm } from './media/stream-pcm.ts';
import { holdLifeLock } from './shared/hold-life-lock.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Progress to the page at most this often. */
const PROGRESS_MS = 250;

const post = (reply: ReaderReply): void => self.postMessage(Object.freeze(reply));
let opened: OpenedMedia | null = null;
let name = 'The file';

async function start(media: OpenedMedia, port: MessagePort, span?: MediaSpan): Promise<void> {
  let last = 0;
  const onProgress = (seconds: number): void => {
    if (performance.now() - last < PROGRESS_MS) return;
    last = performance.now();
    post({ type: 'progress', seconds });
  };
  const onJump = (jump: { at: number; seconds: number }): void => post({ type: 'jump', ...jump });
  const seconds = await streamPcm(media.track, port, { name, onProgress, onJump, span });
  post({ type: 'ended', seconds });
  media.input.dispose();
}

holdLifeLock((lock) => post({ type: 'alive', lock }));

/** One file per worker: the page makes a reader for each job and terminates it to cancel. */
self.onmessage = async (event: MessageEvent<ReaderRequest>) => {
  const request = event.data;
  if (request.type === 'open') {
    name = request.file.name ?? name;
    const result = await openMedia(request.file, name);
    if (result.kind === 'unreadable') return post({ type: 'unsupported', reason: result.reason });
    if (result.kind === 'refused') return post({ type: 'refused', message: result.message });
    opened = result;
    post({ type: 'opened', seconds: result.seconds });
  } else if (opened) {
    await start(opened, request.port, request.span);
  }
};
