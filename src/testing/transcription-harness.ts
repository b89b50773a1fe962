import type { ReaderReply, ReaderRequest } from '../core/media/media-protocol.ts';
import { memoryStorage } from './memory-storage.ts';
import type { TranscribeReply, TranscribeUpdate, TranscriptionRequest } from '../core/transcribe/transcribe-protocol.ts';
import type { Cue } from '../core/subtitles/cue.ts';
import type { Quality } from '../core/transcribe/decode-options.ts';
import { JobOwner, type JobWorker } from '../workers/shared/job-owner.ts';
import { ProjectSaver } from '../ui/document/project-saver.svelte.ts';
import { Transcript } from '../ui/document/transcript.svelte.ts';
import { TranscriptionStatus } from '../ui/transcription/transcription-status.svelte.ts';
import type { FileRunDeps } from '../ui/transcription/file-run.ts';
import type { TranscribeOptions } from '../ui/transcription/transcribe-options.ts';
import { FakeWorker } from './fake-worker.ts';
import { MemoryProjectStore } from './memory-project-store.ts';

export const OPTIONS: TranscribeOptions = { repo: 'o/m', dtype: 'q8', multilingual: false, language: null, task: 'transcribe', vad: true, quality: 'auto', device: 'auto' };

type Alive = { type: 'alive'; lock: string };
export type TranscribeWorker = FakeWorker<TranscriptionRequest, TranscribeReply | Alive>;
export type ReaderWorker = FakeWorker<ReaderRequest, ReaderReply | Alive>;


export interface HarnessOptions {
  readonly decode?: () => Promise<Float32Array>;
  /** With a media reader (streaming); without, every file is decoded whole. */
  readonly streaming?: boolean;
  readonly autoQuality?: (repo: string, seconds: number) => Quality;
}

/** Workers, media readers and Web Locks of transcription runs, all fake: a spec opens, replies, kills. */
export function transcriptionHarness(options: HarnessOptions = {}) {
  let ids = 0;
  const workers: TranscribeWorker[] = [];
  const readers: ReaderWorker[] = [];
  const deaths = new Map<string, () => void>();
  const watchLife = (lock: string, ondeath: () => void): void => void deaths.set(lock, ondeath);
  const saver = new ProjectSaver({ store: new MemoryProjectStore(), now: () => 0, newId: () => `p${ids++}`, keys: memoryStorage() });
  const transcript = new Transcript(saver, null);
  const status = new TranscriptionStatus();
  const deps: FileRunDeps & { transcript: Transcript } = {
    jobs: new JobOwner({ spawn: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as JobWorker<TranscriptionRequest, TranscribeReply>), name: 'The transcription worker', watchLife }),
    readers: options.streaming
      ? new JobOwner({ spawn: () => (readers.push(new FakeWorker()), readers.at(-1) as unknown as JobWorker<ReaderRequest, ReaderReply>), name: 'The media reader', watchLife })
      : undefined,
    decode: options.decode ?? (async () => new Float32Array(16_000)),
    autoQuality: options.autoQuality ?? ((_repo, seconds) => (seconds < 600 ? 'best' : 'fast')),
    status,
    transcript,
  };
  const worker = (): TranscribeWorker => workers.at(-1)!;
  const reader = (): ReaderWorker => readers.at(-1)!;
  const lastJob = (): string => worker().last.jobId;
  const tell = (update: TranscribeUpdate, jobId = lastJob()): void => worker().reply({ type: 'update', jobId, update });
  /** Cues of a window, and how far the job is. */
  const cues = (list: readonly Cue[], done: number, total: number, jobId = lastJob()): void => {
    tell({ type: 'cues', cues: list, peaks: new Uint8Array(0) }, jobId);
    worker().reply({ type: 'progress', jobId, progress: { done, total, unit: 'seconds' } });
  };
  const done = (totalSeconds: number, elapsedMs = 1000, jobId = lastJob()): void => worker().reply({ type: 'result', jobId, result: { totalSeconds, elapsedMs, speechSeconds: totalSeconds } });
  const replyReader = (reply: ReaderReply | Alive): void => reader().reply(reply);
  const readerJob = (): string => reader().last.jobId;
  return { deps, status, transcript, workers, readers, deaths, worker, reader, tell, cues, done, replyReader, readerJob };
}
