/// <reference lib="webworker" />
import { StudioError } from '../core/errors.ts';
import type { SpeechWindow } from '../core/transcribe/speech-windows.ts';
import { DecodeProfile } from '../core/transcribe/decode-profile.ts';
import { transcribeWindows } from '../core/transcribe/transcribe-audio.ts';
import { startEarly } from '../core/util/start-early.ts';
import type { LiveRequest, TranscribeReply, TranscribeRequest, TranscriptionRequest, TranscribeUpdate } from '../core/transcribe/transcribe-protocol.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';
import { AudioStream } from './transcribe/audio-stream.ts';
import { configureRuntime, loadPipeline, modelsInMemory, pickDevice, threadCount } from './transcribe/load-pipeline.ts';
import { streamedFixedWindows, streamedSpeechWindows } from './transcribe/stream-windows-of.ts';
import { vadSession } from './transcribe/vad-session.ts';
import { wordDecoder } from './transcribe/pick-word-decoder.ts';
import { runLive } from './transcribe/live-job.ts';
import { SpeakerListener } from './transcribe/speaker-listener.ts';
import type { Device } from '../core/transcribe/decode-options.ts';
import type { SampleSource } from '../core/media/samples.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = postTo<TranscribeReply>(self);
const tell = (jobId: string, update: TranscribeUpdate): void => post({ type: 'update', jobId, update });
const progress = (jobId: string, done: number, total: number): void => post({ type: 'progress', jobId, progress: { done, total, unit: 'seconds' } });

function loadError(repo: string, error: unknown): StudioError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StudioError({
    code: 'not-found',
    repo,
    message: `Could not load ${repo} from this device (${reason}). Check that it is installed in the model library; if it is, delete it and download it again.`,
  });
}

/** A job's audio: its samples, its windows (arriving while it is read) and its length so far. */
interface JobAudio {
  readonly samples: SampleSource;
  readonly windows: AsyncIterable<SpeechWindow>;
  readonly totalSeconds: () => number;
  readonly failure: () => StudioError | null;
  /** The waveform's peaks read since the last call. */
  readonly peaks: () => Uint8Array;
}

function jobAudio(source: TranscribeRequest['source'], vad: boolean, profile: DecodeProfile | undefined): JobAudio {
  const stream = new AudioStream(source.port);
  const windows = vad ? streamedSpeechWindows(stream, profile) : streamedFixedWindows(stream);
  const totalSeconds = (): number => (stream.ended ? stream.seconds : Math.max(source.seconds, stream.seconds));
  return { samples: stream.buffer, windows, totalSeconds, failure: () => stream.failure, peaks: () => stream.peaks.take() };
}

/** Says the job is loading, and sets the runtime up for the device its preference picks. */
async function prepare(request: TranscribeRequest | LiveRequest): Promise<{ device: Device; reason: string; threads: number }> {
  tell(request.jobId, { type: 'loading', repo: request.repo });
  const { device, reason } = await pickDevice(request.device);
  const threads = device === 'wasm' ? (request.threads ?? threadCount()) : 1;
  configureRuntime(threads);
  return { device, reason, threads };
}

async function run(request: TranscribeRequest): Promise<void> {
  const { jobId, repo } = request;
  const started = performance.now();
  const { device, reason, threads } = await prepare(request);
  // ONNX Runtime refuses to initialise twice at once (the WebGPU backend initialises the wasm one
  // again): the small VAD session initialises it first, then reading and speech detection run
  // while the model loads, so the first window is ready sooner.
  if (request.vad) await vadSession();
  const profile = request.profile ? new DecodeProfile(() => performance.now()) : undefined;
  const audio = jobAudio(request.source, request.vad, profile);
  const windows = startEarly(audio.windows);
  const asr = await loadPipeline(repo, request.dtype, device, threads).catch((error: unknown) => {
    throw loadError(repo, error);
  });
  tell(jobId, { type: 'ready', device, reason, threads, loadMs: performance.now() - started, modelsInMemory: modelsInMemory() });
  const begun = performance.now();
  let speechSeconds = 0;
  const speakers = request.speakers === undefined ? null : new SpeakerListener(audio.samples);
  const counted = async function* (): AsyncGenerator<SpeechWindow> {
    for await (const w of windows) {
      speechSeconds += w.duration;
      speakers?.hear(w);
      yield w;
    }
  };
  const decode = await wordDecoder(asr, request, device, profile, (code, probability) => tell(jobId, { type: 'language', code, probability }));
  for await (const step of transcribeWindows(audio.samples, counted(), decode, audio.totalSeconds, profile)) {
    tell(jobId, { type: 'cues', cues: step.cues, peaks: audio.peaks() });
    progress(jobId, step.doneSeconds, step.totalSeconds);
  }
  const failure = audio.failure();
  if (failure) throw failure;
  const totalSeconds = audio.totalSeconds();
  tell(jobId, { type: 'cues', cues: [], peaks: audio.peaks() });
  if (speakers && request.speakers !== undefined) tell(jobId, { type: 'speakers', turns: speakers.turns(request.speakers) });
  progress(jobId, totalSeconds, totalSeconds);
  post({ type: 'result', jobId, result: { totalSeconds, elapsedMs: performance.now() - begun, speechSeconds, profile: profile?.data(), ...(speakers ? { speakersMs: speakers.ms } : {}) } });
}

/** Live captions: the same model, speech detection and decoder, over audio being captured. */
async function live(request: LiveRequest): Promise<void> {
  const { repo, dtype } = request;
  const setup = await prepare(request);
  await vadSession();
  const load = () => loadPipeline(repo, dtype, setup.device, setup.threads).catch((error: unknown) => Promise.reject(loadError(repo, error)));
  await runLive(request, { tell, progress, post, load, setup, modelsInMemory });
}

serveJobs<TranscriptionRequest, TranscribeReply>(self, { post, handle: (request) => (request.type === 'live' ? live(request) : run(request)) });
