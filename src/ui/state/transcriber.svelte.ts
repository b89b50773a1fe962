import { toErrorData, type ErrorData } from '../../core/errors.ts';
import type { TabSignals } from '../tabs/tab-signals.ts';
import type { Dtype } from '../../core/plan/dtypes.ts';
import { MIN_AUDIO_SECONDS, SAMPLE_RATE } from '../../core/transcribe/windows.ts';
import { timeLeft } from '../../core/transcribe/time-left.ts';
import type { AudioSource, Device, DevicePreference, LiveRequest, Quality, Task, TranscribeReply, TranscribeRequest } from '../../core/transcribe-protocol.ts';
import { LiveText } from './live-text.svelte.ts';
import { pcmMessages } from '../../core/media/pcm-messages.ts';
import { jumpNote } from '../../core/media/sample-timeline.ts';
import { errorText, MediaReading, type ReaderLike } from './media-reading.ts';
import { StallNotice, type Clock } from './stall-notice.svelte.ts';
import type { WatchLife } from './watch-life.ts';
import { formatDuration } from '../../core/format/format-duration.ts';
import type { JobWorker } from './worker-port.ts';
import type { ProjectSaver } from './project-saver.svelte.ts';
import { Transcript } from './transcript.svelte.ts';
import type { MediaVault } from '../storage/media-vault.ts';
import type { ProjectMeta, ProjectStatus } from '../../core/projects/project-store.ts';
import type { MediaSpan } from '../../core/media-protocol.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import { cuesIn, shifted, textBefore } from '../../core/subtitles/cue-span.ts';
import { cuesOfPiece, pieceTaken, takePieces, type TakePiece } from '../../core/subtitles/take-pieces.ts';
import type { RtfRecord } from '../../core/catalog/recommend.ts';
import { applyRules, type ReplaceRule } from '../../core/subtitles/replace-rules.ts';

export type Phase = 'idle' | 'reading' | 'loading' | 'transcribing' | 'done' | 'cancelled' | 'failed';

/** How a run ended, for whoever started it (the batch queue). */
export interface RunEnd {
  readonly phase: Extract<Phase, 'done' | 'cancelled' | 'failed'>;
  readonly error: ErrorData | null;
  /** Time from the start of reading to the end. */
  readonly elapsedMs: number;
}

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
  /** Previous text for the decoder: names and terms to expect, the style to write in. */
  readonly prompt?: string;
  /** Applied to each new cue's text as it comes. */
  readonly rules?: readonly ReplaceRule[];
}

/** Shorter runs say little about speed. */
const MEASURE_FROM_SECONDS = 5;


/** Decoding → Automatic without measurements: Best under 10 minutes (beams cost time on long media). */
const autoByLength = (_repo: string, seconds: number): Quality => (seconds < 600 ? 'best' : 'fast');

function tooShort(name: string, seconds: number): ErrorData {
  return Object.freeze({
    code: 'invalid-input',
    message: `${name} is too short to transcribe (${seconds.toFixed(2)} s of audio). Whisper needs at least ${MIN_AUDIO_SECONDS} s: pick or record something longer.`,
  });
}

export type WorkerLike = JobWorker<TranscribeRequest | LiveRequest, TranscribeReply>;

export interface TranscriberDeps {
  readonly makeWorker: () => WorkerLike;
  /** A media reader worker per job; without one, every file is decoded whole by `decode`. */
  readonly makeReader?: () => ReaderLike;
  /** The browser's whole-file decoding: for what the reader cannot stream. */
  readonly decode: (file: Blob & { name?: string }) => Promise<Float32Array>;
  /** Where the transcript is saved as it grows and is edited: the open project. */
  readonly store: ProjectSaver;
  /** Where projects keep their media for playing next time. */
  readonly vault?: MediaVault;
  /** Where other tabs say that the open project was saved or deleted. */
  readonly signals?: TabSignals;
  readonly onmeasured?: (record: RtfRecord) => void;
  /** What Decoding → Automatic decodes this model with, for media this long (core/catalog/recommend.ts `autoQuality`). */
  readonly autoQuality?: (repo: string, seconds: number) => Quality;
  /** Learns when a worker died without an `error` event (closed, killed); without it, only events tell. */
  readonly watchLife?: WatchLife;
  /** Time for the stall notice; the real clock by default. */
  readonly clock?: Clock;
}

/** A stretch of a project's media transcribed again: its cues on the media's timeline, and the project they may go into. */
export interface Take {
  readonly span: MediaSpan;
  readonly cues: readonly Cue[];
  readonly projectId: string | null;
}

/** A file's audio for the worker: streamed by a reader while it is read, or decoded whole first. */
type Opened = { readonly seconds: number; readonly reading: MediaReading } | { readonly seconds: number; readonly audio: Float32Array };

/**
 * One transcription at a time: a reader worker streams the media's samples to the transcription
 * worker (or the page decodes it whole), cues come as they are done. Cancel terminates both
 * workers (inference cannot be interrupted) and keeps what is done.
 */
export class Transcriber {
  readonly #deps: TranscriberDeps;
  #repo = '';
  /** The decoding of the running file job, for its speed record. */
  #quality: Quality = 'fast';
  #worker: WorkerLike | null = null;
  #reading: MediaReading | null = null;
  /** When the model was ready: the speed so far, and so the time left, counts from here. */
  #startedAt = 0;
  #jobId = '';
  /** The stretch being transcribed again, or null for a whole file into its project. */
  #span: MediaSpan | null = null;
  #rules: readonly ReplaceRule[] = [];
  /** When this run began reading. */
  #runStartedAt = 0;
  /** Bumped by every start and cancel: a decode that finishes after a cancel must not start a job. */
  #generation = 0;
  phase = $state<Phase>('idle');
  /** The cues this job fills, which a person edits and exports. */
  readonly transcript: Transcript;
  cues = $derived.by(() => this.transcript.cues);
  doneSeconds = $state(0);
  totalSeconds = $state(0);
  /** How much of the media the reader has read, while it streams (null: decoded whole). */
  readSeconds = $state<number | null>(null);
  readDone = $state(false);
  /** Seconds of work left at the speed so far, once there is enough to tell. */
  secondsLeft = $state<number | null>(null);
  device = $state<{ device: Device; reason: string; threads: number; modelsInMemory: number } | null>(null);
  error = $state.raw<ErrorData | null>(null);
  /** The language the model heard, and how sure it was (Language on Auto; null until told, or where the decoder cannot tell). */
  language = $state.raw<{ readonly code: string; readonly probability: number } | null>(null);
  /** A stretch of one project transcribed again, waiting to be accepted or thrown away; its cues on the media's timeline. */
  proposal = $state.raw<Take | null>(null);
  /** What the person should know about the media that is not an error (timestamps that jump). */
  notes = $state.raw<readonly string[]>([]);
  /** Says when neither reading nor transcribing has moved for long. */
  readonly stall: StallNotice;
  percent = $derived(this.totalSeconds > 0 ? Math.min(100, Math.floor((this.doneSeconds / this.totalSeconds) * 100)) : 0);
  readPercent = $derived(this.readSeconds !== null && this.totalSeconds > 0 ? (this.readDone ? 100 : Math.min(99, Math.floor((this.readSeconds / this.totalSeconds) * 100))) : null);
  /** Finished without a word: the media holds no speech (a status, not an error). */
  noSpeech = $derived(this.phase === 'done' && this.cues.length === 0);
  busy = $derived(this.phase === 'reading' || this.phase === 'loading' || this.phase === 'transcribing');
  /** Told once when each run ends, however it ends. */
  onended: (end: RunEnd) => void = () => undefined;
  /** Live captions, while a live session runs (`listen`). */
  readonly live = new LiveText();
  /** The running job is a live session: told when its model is ready, and how it ended (instead of `onended`). */
  #liveEnd: ((end: RunEnd) => void) | null = null;
  #liveReady: (() => void) | null = null;

  constructor(deps: TranscriberDeps) {
    this.#deps = deps;
    this.stall = new StallNotice(deps.clock);
    this.transcript = new Transcript(deps.store, deps.vault ?? null, deps.signals);
  }

  /** Transcribe `file` into a new project, or into `project` (queued, or cut short by a reload). */
  async transcribe(file: Blob & { name?: string }, options: TranscribeOptions, project?: ProjectMeta, span?: MediaSpan): Promise<void> {
    if (this.busy) return;
    const generation = ++this.#generation;
    [this.error, this.phase, this.#runStartedAt, this.language] = [null, 'reading', performance.now(), null];
    [this.#span, this.proposal] = [span ?? null, span ? Object.freeze({ span, cues: Object.freeze([]), projectId: this.transcript.projectId }) : null];
    let opened: Opened;
    try {
      opened = await this.#open(file);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
      return;
    }
    if (generation !== this.#generation) return; // cancelled while opening or reading
    const seconds = span ? Math.min(opened.seconds, span.to) - span.from : opened.seconds;
    if (seconds < MIN_AUDIO_SECONDS) {
      this.#dropReading();
      [this.error, this.phase] = [tooShort(file.name ?? 'The recording', seconds), 'failed'];
      this.#ended();
      return;
    }
    const quality = options.quality !== 'auto' ? options.quality : (this.#deps.autoQuality ?? autoByLength)(options.repo, opened.seconds);
    this.#begin(file, seconds, { ...options, quality }, project);
    this.#jobId = `t-${Date.now().toString(36)}`;
    [this.#repo, this.#rules, this.#quality] = [options.repo, options.rules ?? [], quality];
    const [source, transfer] = this.#sourceOf(opened, seconds);
    const request: TranscribeRequest = Object.freeze({ type: 'transcribe', jobId: this.#jobId, source, ...options, quality });
    this.#ensureWorker().postMessage(request, transfer);
  }

  /**
   * Live captions of audio being captured (`port`: 16 kHz samples, then `end`) into a new project
   * named `name`; `hooks` are told when the model is ready (audio may come from then) and how it
   * ended. Auto decodes greedily: beams on every pass over a growing utterance cannot keep up here.
   */
  listen(port: MessagePort, name: string, options: TranscribeOptions, hooks: { readonly onready: () => void; readonly onend: (end: RunEnd) => void }): void {
    if (this.busy) return;
    this.#generation += 1;
    const quality = options.quality === 'auto' ? 'fast' : options.quality;
    [this.error, this.phase, this.#runStartedAt, this.language, this.#span, this.proposal] = [null, 'loading', performance.now(), null, null, null];
    [this.#liveEnd, this.#liveReady] = [hooks.onend, hooks.onready];
    [this.doneSeconds, this.totalSeconds, this.secondsLeft, this.readSeconds, this.notes] = [0, 0, null, null, []];
    const { repo, dtype, device, language, task, multilingual } = options;
    this.transcript.begin(name, { kind: 'audio/webm', settings: { repo, dtype, device, quality, language, task, vad: true } });
    this.live.reset(quality);
    [this.#jobId, this.#repo, this.#rules] = [`l-${Date.now().toString(36)}`, repo, options.rules ?? []];
    const request: LiveRequest = Object.freeze({ type: 'live', jobId: this.#jobId, source: Object.freeze({ port, seconds: 0 }), repo, dtype, language, task, multilingual, device, quality });
    this.#ensureWorker().postMessage(request, [port]);
  }

  /** Transcribe a stretch of the media again, into `proposal` (the transcript is left as it is until it is accepted). */
  retranscribe(file: Blob & { name?: string }, options: TranscribeOptions, span: MediaSpan): Promise<void> {
    // As Whisper conditions on the previous text, the stretch hears what was said before it.
    const prompt = [options.prompt, textBefore(this.transcript.cues, span.from)].filter(Boolean).join(' ');
    return this.transcribe(file, { ...options, prompt }, undefined, span);
  }

  /** The take, while its project is the open one: another project's take is set aside, never accepted into this one. */
  get take(): Take | null {
    return this.proposal && this.proposal.projectId === this.transcript.projectId ? this.proposal : null;
  }

  /** The new take is accepted into the transcript (one undo step), or thrown away. */
  settle(accept: boolean): void {
    const proposal = this.take;
    if (!proposal) return;
    this.proposal = null;
    if (accept && proposal) this.transcript.splice(cuesIn(this.cues, proposal.span), proposal.cues);
  }

  /** One cue of the new take accepted in place of the cues of its piece (one undo step); the take stays until every piece is in. */
  acceptPiece(piece: TakePiece): void {
    const proposal = this.take;
    if (!proposal || this.busy) return;
    this.transcript.splice(cuesOfPiece(this.cues, proposal.span, piece), [piece.cue]);
    if (takePieces(proposal.span, proposal.cues).every((p) => pieceTaken(this.cues, p))) this.proposal = null;
  }

  cancel(): void {
    if (!this.busy) return;
    if (this.phase !== 'reading') this.#endProject('cancelled');
    this.#generation += 1;
    this.#dropWorker();
    this.#dropReading();
    this.phase = 'cancelled';
    this.stall.stop();
    this.#ended();
  }

  #ended(): void {
    if (this.phase !== 'done' && this.phase !== 'cancelled' && this.phase !== 'failed') return;
    const end: RunEnd = Object.freeze({ phase: this.phase, error: this.error, elapsedMs: performance.now() - this.#runStartedAt });
    const liveEnd = this.#liveEnd;
    this.#liveEnd = null;
    if (liveEnd) liveEnd(end);
    else this.onended(end);
  }

  /** Streamed by a reader worker when it can read the file, else decoded whole in the page. */
  async #open(file: Blob & { name?: string }): Promise<Opened> {
    [this.readSeconds, this.readDone, this.notes] = [null, false, []];
    if (this.#deps.makeReader) {
      const reading: MediaReading = new MediaReading(this.#deps.makeReader(), this.#deps.watchLife, {
        onprogress: (seconds, done) => reading === this.#reading && this.#read(seconds, done),
        oncrash: (reason) => reading === this.#reading && this.#crashed(`The media reader stopped (${reason})`),
        onjump: (at, seconds) => reading === this.#reading && (this.notes = [...this.notes, jumpNote(formatDuration(at), formatDuration(seconds))]),
      });
      this.#reading = reading;
      const seconds = await reading.open(file);
      if (reading !== this.#reading) throw new Error('cancelled while opening');
      if (seconds !== null) return { seconds, reading };
      this.#reading = null;
    }
    const audio = await this.#deps.decode(file);
    return { seconds: audio.length / SAMPLE_RATE, audio };
  }

  /** One way in for all audio: a port, fed by the reader as it reads, or here with what the browser decoded whole. */
  #sourceOf(opened: Opened, seconds: number): [AudioSource, Transferable[]] {
    const channel = new MessageChannel();
    const span = this.#span ?? undefined;
    if ('audio' in opened) {
      const audio = span ? opened.audio.slice(Math.round(span.from * SAMPLE_RATE), Math.round(span.to * SAMPLE_RATE)) : opened.audio;
      for (const message of pcmMessages(audio)) channel.port1.postMessage(message, message.type === 'pcm' ? [message.samples.buffer] : []);
    } else {
      opened.reading.start(channel.port1, span);
      this.readSeconds = 0;
    }
    return [Object.freeze({ port: channel.port2, seconds }), [channel.port2]];
  }

  /** A run into the project says how it ended; a new take of a stretch has no project of its own. */
  #endProject(status: ProjectStatus, rtf?: number): void {
    if (!this.#span) this.transcript.ended(status, rtf);
  }

  #read(seconds: number, done: boolean): void {
    [this.readSeconds, this.readDone] = [seconds, done];
    this.stall.moved();
  }

  #begin(file: Blob & { name?: string }, total: number, options: TranscribeOptions & { readonly quality: Quality }, project?: ProjectMeta): void {
    const { repo, dtype, device, quality, language, task, vad, prompt } = options;
    const settings = { repo, dtype, device, quality, language, task, vad, ...(prompt ? { prompt } : {}) };
    const media = file instanceof File ? file : new File([file], file.name ?? 'recording', { type: file.type });
    if (!this.#span) this.transcript.begin(media, { size: file.size, duration: total, kind: file.type, settings }, project);
    [this.doneSeconds, this.totalSeconds, this.phase, this.secondsLeft] = [0, total, 'loading', null];
  }

  /** This device's speed for the model, from runs long enough for load and warm-up not to dominate. */
  #measured(elapsedMs: number, seconds: number): void {
    if (seconds >= MEASURE_FROM_SECONDS && this.device) this.#deps.onmeasured?.({ repo: this.#repo, device: this.device.device, quality: this.#quality, rtf: elapsedMs / 1000 / seconds });
  }

  #fail(error: unknown): void {
    this.error = toErrorData(error);
    this.phase = 'failed';
    this.stall.stop();
    this.#ended();
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#deps.makeWorker();
    const crashed = (reason: string): void => void (worker === this.#worker && this.#crashed(`The transcription worker stopped (${reason})`));
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'alive') this.#deps.watchLife?.(data.lock, () => crashed('it was closed or crashed'));
      else this.#receive(data);
    });
    worker.addEventListener('error', (event) => crashed(errorText(event)));
    worker.addEventListener('messageerror', () => crashed('a reply could not be read'));
    return (this.#worker = worker);
  }

  #dropWorker(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #dropReading(): void {
    this.#reading?.stop();
    this.#reading = null;
  }

  /** A worker is gone or broken: say so, keep the cues, and start fresh workers next time. */
  #crashed(what: string): void {
    this.#dropWorker();
    this.#dropReading();
    if (!this.busy) return;
    if (this.phase !== 'reading') this.#endProject('failed'); // a project began
    this.error = Object.freeze({ code: 'crashed', message: `${what}. The cues done so far are kept; press Transcribe to try again.` });
    this.phase = 'failed';
    this.stall.stop();
    this.#ended();
  }

  /** New cues: into the transcript, or (a new take of a stretch) into the proposal, on the media's timeline. */
  #took(cues: readonly Cue[], peaks: Uint8Array | undefined): void {
    const proposal = this.proposal;
    if (this.#span && proposal) this.proposal = Object.freeze({ ...proposal, cues: Object.freeze([...proposal.cues, ...shifted(cues, proposal.span.from)]) });
    else if (!this.#span) {
      this.transcript.append(cues);
      if (peaks?.length) this.transcript.addPeaks(peaks);
    }
  }

  #receive(reply: Exclude<TranscribeReply, { type: 'alive' }>): void {
    if (reply.jobId !== this.#jobId) return;
    // Loading a model has no progress to watch; transcribing does (live captions wait on the speaker, not on us).
    if (reply.type === 'ready' && !this.#liveEnd) this.stall.start();
    else this.stall.moved();
    switch (reply.type) {
      case 'loading': this.phase = 'loading'; return;
      case 'live':
        this.live.apply(reply);
        this.#took(applyRules(reply.cues, this.#rules), reply.peaks);
        [this.doneSeconds, this.totalSeconds] = [reply.heardSeconds, reply.heardSeconds];
        return;
      case 'language': this.language = Object.freeze({ code: reply.code, probability: reply.probability }); return;
      case 'ready':
        this.device = { device: reply.device, reason: reply.reason, threads: reply.threads, modelsInMemory: reply.modelsInMemory };
        [this.phase, this.#startedAt] = ['transcribing', performance.now()];
        this.#liveReady?.();
        this.#liveReady = null;
        return;
      case 'cues':
        this.#took(applyRules(reply.cues, this.#rules), reply.peaks);
        [this.doneSeconds, this.totalSeconds] = [reply.doneSeconds, reply.totalSeconds];
        this.secondsLeft = timeLeft((performance.now() - this.#startedAt) / 1000, reply.doneSeconds, reply.totalSeconds);
        return;
      case 'done':
        [this.doneSeconds, this.totalSeconds, this.phase, this.secondsLeft] = [reply.totalSeconds, reply.totalSeconds, 'done', null];
        this.stall.stop();
        this.#dropReading();
        if (!this.#span && !this.#liveEnd) this.#measured(reply.elapsedMs, reply.totalSeconds);
        this.#endProject('done', reply.totalSeconds > 0 && !this.#liveEnd ? reply.elapsedMs / 1000 / reply.totalSeconds : undefined);
        this.#ended();
        return;
      case 'error':
        [this.error, this.phase] = [reply.error, 'failed'];
        this.#endProject('failed');
        this.stall.stop();
        this.#dropReading();
        this.#dropWorker(); // its state may be what failed (a lost WebGPU device): the next run starts clean
        this.#ended();
        return;
      default: reply satisfies never;
    }
  }
}
