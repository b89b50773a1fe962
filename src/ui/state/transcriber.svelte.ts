import { toErrorData, type ErrorData } from '../../core/errors.ts';
import type { Dtype } from '../../core/plan/dtypes.ts';
import { applyCueAction, replaceAll, type CueAction } from '../../core/subtitles/cue-edits.ts';
import { exportSegments, type ExportFormat } from '../../core/subtitles/formats.ts';
import { segment, type Segment } from '../../core/subtitles/segment.ts';
import { MIN_AUDIO_SECONDS, SAMPLE_RATE } from '../../core/transcribe/windows.ts';
import type { Device, DevicePreference, Quality, Task, TranscribeReply, TranscribeRequest } from '../../core/transcribe-protocol.ts';
import { CueEditor } from './cue-editor.svelte.ts';
import type { TranscriptStore } from './transcript-store.ts';
import type { RtfRecord } from '../../core/catalog/recommend.ts';

export type Phase = 'idle' | 'decoding' | 'loading' | 'transcribing' | 'done' | 'cancelled' | 'failed';

export interface TranscribeOptions {
  readonly repo: string;
  readonly dtype: Dtype;
  readonly multilingual: boolean;
  readonly language: string | null;
  readonly task: Task;
  readonly device: DevicePreference;
  /** Skip non-speech (Silero VAD) before Whisper. */
  readonly vad: boolean;
  /** auto: Best for media under 10 minutes, Fast for longer. */
  readonly quality: Quality | 'auto';
}

/** Shorter runs say little about speed. */
const MEASURE_FROM_SECONDS = 5;

/** Beam search costs time on long media; below this, Best is the default. */
const BEST_BELOW_SECONDS = 600;

const resolveQuality = (quality: Quality | 'auto', seconds: number): Quality => (quality !== 'auto' ? quality : seconds < BEST_BELOW_SECONDS ? 'best' : 'fast');

function tooShort(name: string, seconds: number): ErrorData {
  return Object.freeze({
    code: 'invalid-input',
    message: `${name} is too short to transcribe (${seconds.toFixed(2)} s of audio). Whisper needs at least ${MIN_AUDIO_SECONDS} s: pick or record something longer.`,
  });
}

export interface WorkerLike {
  postMessage(message: TranscribeRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TranscribeReply>) => void): void;
  /** A worker that failed to load or crashed; `messageerror`: a reply that could not be read. */
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** What an `error` event of a worker says, when it says anything (an ErrorEvent's message). */
function errorText(event: Event): string {
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : 'it failed to start or stopped';
}

/**
 * One transcription at a time: decode in the page, infer in a worker, segments as they come.
 * Cancel terminates the worker (inference cannot be interrupted) and keeps what is done.
 */
export class Transcriber {
  readonly #makeWorker: () => WorkerLike;
  readonly #decode: (file: Blob & { name?: string }) => Promise<Float32Array>;
  readonly #store: TranscriptStore;
  readonly #onmeasured: (record: RtfRecord) => void;
  #repo = '';
  #worker: WorkerLike | null = null;
  #jobId = '';
  /** Bumped by every start and cancel: a decode that finishes after a cancel must not start a job. */
  #generation = 0;
  phase = $state<Phase>('idle');
  source = $state('');
  /** The cues, editable with undo and redo; saved on the device at every change. */
  readonly editor: CueEditor;
  segments = $derived.by(() => this.editor.cues);
  doneSeconds = $state(0);
  /** While transcribing: finding the speech first, then decoding it. */
  stage = $state<'speech' | 'words'>('words');
  totalSeconds = $state(0);
  device = $state<{ device: Device; reason: string; threads: number } | null>(null);
  error = $state.raw<ErrorData | null>(null);
  percent = $derived(this.totalSeconds > 0 ? Math.min(100, Math.floor((this.doneSeconds / this.totalSeconds) * 100)) : 0);
  /** Finished without a word: the media holds no speech (a status, not an error). */
  noSpeech = $derived(this.phase === 'done' && this.segments.length === 0);
  busy = $derived(this.phase === 'decoding' || this.phase === 'loading' || this.phase === 'transcribing');

  constructor(
    makeWorker: () => WorkerLike,
    decode: (file: Blob & { name?: string }) => Promise<Float32Array>,
    store: TranscriptStore,
    onmeasured: (record: RtfRecord) => void = () => undefined,
  ) {
    this.#onmeasured = onmeasured;
    this.#makeWorker = makeWorker;
    this.#decode = decode;
    this.#store = store;
    const saved = store.load();
    if (saved) this.source = saved.source;
    this.editor = new CueEditor(saved?.segments ?? [], (cues) => this.#store.save({ source: this.source, segments: cues }));
  }

  async transcribe(file: Blob & { name?: string }, options: TranscribeOptions): Promise<void> {
    if (this.busy) return;
    const generation = ++this.#generation;
    this.error = null;
    this.phase = 'decoding';
    let audio: Float32Array;
    try {
      audio = await this.#decode(file);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
      return;
    }
    if (generation !== this.#generation) return; // cancelled while reading
    const seconds = audio.length / SAMPLE_RATE;
    if (seconds < MIN_AUDIO_SECONDS) {
      [this.error, this.phase] = [tooShort(file.name ?? 'The recording', seconds), 'failed'];
      return;
    }
    this.#begin(file.name ?? 'recording', seconds);
    this.stage = options.vad ? 'speech' : 'words';
    this.#jobId = `t-${Date.now().toString(36)}`;
    const quality = resolveQuality(options.quality, seconds);
    this.#repo = options.repo;
    const request: TranscribeRequest = Object.freeze({ type: 'transcribe', jobId: this.#jobId, audio, ...options, quality });
    this.#ensureWorker().postMessage(request, [audio.buffer]);
  }

  cancel(): void {
    if (!this.busy) return;
    this.#generation += 1;
    this.#dropWorker();
    this.phase = 'cancelled';
  }

  edit(index: number, patch: Partial<Segment>): void {
    // A cue keeps its word timings only while its text is the one they time.
    const edited = (s: Segment): Segment => segment(patch.start ?? s.start, patch.end ?? s.end, patch.text ?? s.text, (patch.text ?? s.text) === s.text ? s.words : undefined);
    this.editor.apply((cues) => cues.map((s, i) => (i === index ? edited(s) : s)));
  }

  /** A cue's button: nudge, split at the playhead, merge with the next, delete. */
  act(index: number, action: CueAction, playhead: number): void {
    this.editor.apply((cues) => applyCueAction(cues, index, action, playhead));
  }

  /** Find and replace in every cue; how many were replaced. */
  replace(find: string, replacement: string): number {
    let count = 0;
    this.editor.apply((cues) => {
      const result = replaceAll(cues, find, replacement);
      count = result.count;
      return result.cues;
    });
    return count;
  }

  exportAs(format: ExportFormat): string {
    return exportSegments(format, this.segments);
  }

  #begin(source: string, total: number): void {
    this.source = source;
    this.#setSegments([]);
    [this.doneSeconds, this.totalSeconds, this.phase] = [0, total, 'loading'];
  }

  #setSegments(segments: readonly Segment[]): void {
    this.editor.reset(segments);
  }

  /** This device's speed for the model, from runs long enough for load and warm-up not to dominate. */
  #measured(elapsedMs: number, seconds: number): void {
    if (seconds >= MEASURE_FROM_SECONDS && this.device) this.#onmeasured({ repo: this.#repo, device: this.device.device, rtf: elapsedMs / 1000 / seconds });
  }

  #fail(error: unknown): void {
    this.error = toErrorData(error);
    this.phase = 'failed';
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#makeWorker();
    worker.addEventListener('message', (event) => this.#receive(event.data));
    worker.addEventListener('error', (event) => this.#crashed(worker, errorText(event)));
    worker.addEventListener('messageerror', () => this.#crashed(worker, 'a reply could not be read'));
    return (this.#worker = worker);
  }

  #dropWorker(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** The worker is gone or broken: say so, keep the segments, and start a fresh one next time. */
  #crashed(worker: WorkerLike, reason: string): void {
    if (worker !== this.#worker) return;
    this.#dropWorker();
    if (!this.busy) return;
    this.error = Object.freeze({
      code: 'crashed',
      message: `The transcription worker stopped (${reason}). The segments done so far are kept; press Transcribe to try again.`,
    });
    this.phase = 'failed';
  }

  #receive(reply: TranscribeReply): void {
    if (reply.jobId !== this.#jobId) return;
    switch (reply.type) {
      case 'loading': this.phase = 'loading'; return;
      case 'ready': [this.device, this.phase] = [{ device: reply.device, reason: reply.reason, threads: reply.threads }, 'transcribing']; return;
      case 'detecting': [this.stage, this.doneSeconds, this.totalSeconds] = ['speech', reply.doneSeconds, reply.totalSeconds]; return;
      case 'segments':
        this.#setSegments([...this.segments, ...reply.segments]);
        [this.stage, this.doneSeconds, this.totalSeconds] = ['words', reply.doneSeconds, reply.totalSeconds];
        return;
      case 'done':
        [this.doneSeconds, this.phase] = [reply.totalSeconds, 'done'];
        this.#measured(reply.elapsedMs, reply.totalSeconds);
        return;
      case 'error': [this.error, this.phase] = [reply.error, 'failed']; return;
      default: reply satisfies never;
    }
  }
}
