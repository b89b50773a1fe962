/// <reference lib="webworker" />
import { StudioError, toErrorData } from '../core/errors.ts';
import { fixedWindows, transcribeWindows } from '../core/transcribe/transcribe-audio.ts';
import { SAMPLE_RATE } from '../core/transcribe/windows.ts';
import type { TranscribeReply, TranscribeRequest } from '../core/transcribe-protocol.ts';
import { loadPipeline, pickDevice, threadCount } from './transcribe/load-pipeline.ts';
import { speechWindowsOf } from './transcribe/speech-windows-of.ts';
import { wordDecoder } from './transcribe/word-decoder.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: TranscribeReply): void => self.postMessage(Object.freeze(reply));

function loadError(repo: string, error: unknown): StudioError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StudioError({
    code: 'not-found',
    repo,
    message: `Could not load ${repo} from this device (${reason}). Check that it is installed in the model library; if it is, delete it and download it again.`,
  });
}

async function run(request: TranscribeRequest): Promise<void> {
  const { jobId, repo } = request;
  post({ type: 'loading', jobId, repo });
  const started = performance.now();
  const { device, reason } = await pickDevice(request.device);
  const threads = device === 'wasm' ? (request.threads ?? threadCount()) : 1;
  const asr = await loadPipeline(repo, request.dtype, device, threads).catch((error: unknown) => {
    throw loadError(repo, error);
  });
  post({ type: 'ready', jobId, device, reason, threads, loadMs: performance.now() - started });
  const begun = performance.now();
  const total = request.audio.length / SAMPLE_RATE;
  const detecting = (doneSeconds: number): void => post({ type: 'detecting', jobId, doneSeconds, totalSeconds: total });
  const windows = request.vad ? await speechWindowsOf(request.audio, detecting) : fixedWindows(total);
  const speechSeconds = windows.reduce((sum, w) => sum + w.duration, 0);
  const decode = wordDecoder(asr, request, device);
  if (windows.length === 0) post({ type: 'segments', jobId, segments: [], doneSeconds: total, totalSeconds: total });
  for await (const step of transcribeWindows(request.audio, windows, decode)) post({ type: 'segments', jobId, ...step });
  post({ type: 'done', jobId, totalSeconds: total, elapsedMs: performance.now() - begun, speechSeconds });
}

self.onmessage = (event: MessageEvent<TranscribeRequest>) => {
  run(event.data).catch((error: unknown) => post({ type: 'error', jobId: event.data.jobId, error: toErrorData(error) }));
};
