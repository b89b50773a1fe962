import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { liveCaptions, type LiveDecoder } from '../../core/live/live-captions.ts';
import { DecodeProfile, NO_PROFILE, type Profiler } from '../../core/transcribe/decode-profile.ts';
import type { WordDecoder } from '../../core/transcribe/transcribe-audio.ts';
import type { LiveRequest, TranscribeReply, TranscribeRequest, TranscribeUpdate } from '../../core/transcribe/transcribe-protocol.ts';
import { AudioStream } from './audio-stream.ts';
import { liveAudio } from './live-audio.ts';
import { wordDecoder } from './pick-word-decoder.ts';
import type { Device, Quality } from '../../core/transcribe/decode-options.ts';

export interface LiveJobDeps {
  readonly post: (reply: TranscribeReply) => void;
  readonly tell: (jobId: string, update: TranscribeUpdate) => void;
  /** Seconds heard so far. */
  readonly progress: (jobId: string, done: number, total: number) => void;
  /** The model on `device`, loaded from this device's store (its error names the model). */
  readonly load: () => Promise<AutomaticSpeechRecognitionPipeline>;
  /** Where the model runs, and why there. */
  readonly setup: { readonly device: Device; readonly reason: string; readonly threads: number };
  /** How many models the worker holds now. */
  readonly modelsInMemory: () => number;
}

/** One decoder per decoding the pace asks for, made when first asked (the language heard is told once). */
function decoders(asr: AutomaticSpeechRecognitionPipeline, request: LiveRequest, deps: LiveJobDeps, profile: Profiler): LiveDecoder {
  const made = new Map<Quality, Promise<WordDecoder>>();
  let told = false;
  const onlanguage = (code: string, probability: number): void => {
    if (!told) deps.tell(request.jobId, { type: 'language', code, probability });
    told = true;
  };
  return async (samples, quality, prefix) => {
    const options: TranscribeRequest = { ...request, type: 'transcribe', vad: true, quality };
    if (!made.has(quality)) made.set(quality, wordDecoder(asr, options, deps.setup.device, profile, onlanguage));
    const decode = await made.get(quality)!;
    return profile.time('passes', () => decode(samples, prefix));
  };
}

/** Live captions of the audio coming through the request's port, until it ends. */
export async function runLive(request: LiveRequest, deps: LiveJobDeps): Promise<void> {
  const { jobId } = request;
  const started = performance.now();
  const stream = new AudioStream(request.source.port);
  const profile = request.profile ? new DecodeProfile(() => performance.now()) : undefined;
  const audio = await liveAudio(stream, profile ?? NO_PROFILE);
  const asr = await deps.load();
  deps.tell(jobId, { type: 'ready', ...deps.setup, loadMs: performance.now() - started, modelsInMemory: deps.modelsInMemory() });
  const begun = performance.now();
  for await (const u of liveCaptions(audio, decoders(asr, request, deps, profile ?? NO_PROFILE), request.quality)) {
    deps.progress(jobId, u.heardSeconds, u.heardSeconds);
    deps.tell(jobId, { type: 'live', commit: u.commit, tentative: u.tentative, cues: u.cues, heardSeconds: u.heardSeconds, behindSeconds: u.behindSeconds, behind: u.pace.behind, quality: u.pace.quality, peaks: stream.peaks.take() });
  }
  if (stream.failure) throw stream.failure;
  // The waveform's last stretch (silence after the last words brings no update of its own).
  deps.tell(jobId, { type: 'live', commit: [], tentative: [], cues: [], heardSeconds: stream.seconds, behindSeconds: 0, behind: false, quality: request.quality, peaks: stream.peaks.take() });
  deps.progress(jobId, stream.seconds, stream.seconds);
  deps.post({ type: 'result', jobId, result: { totalSeconds: stream.seconds, elapsedMs: performance.now() - begun, speechSeconds: 0, profile: profile?.data() } });
}
