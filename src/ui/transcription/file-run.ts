import { toErrorData, type ErrorData } from '../../core/errors.ts';
import { formatDuration } from '../../core/format/format-duration.ts';
import type { MediaSpan } from '../../core/media/media-span.ts';
import { pcmMessages } from '../../core/media/pcm-messages.ts';
import { jumpNote } from '../../core/media/sample-timeline.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import type { SpeakerTurn } from '../../core/speakers/speaker-turns.ts';
import type { Quality } from '../../core/transcribe/decode-options.ts';
import type { TranscribeReply, TranscribeRequest, TranscribeResult, TranscriptionRequest } from '../../core/transcribe/transcribe-protocol.ts';
import { MIN_AUDIO_SECONDS } from '../../core/transcribe/windows.ts';
import type { JobOwner } from '../../workers/shared/job-owner.ts';
import { MediaReading, type ReaderOwner } from './media-reading.ts';
import { RUN_ADVICE, type RunEnd, type TranscribeOptions } from './transcribe-options.ts';
import type { TranscriptionStatus } from './transcription-status.svelte.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** The transcription worker's owner: it keeps the model in memory between jobs. */
export type TranscriptionOwner = JobOwner<TranscriptionRequest, TranscribeReply>;

export interface FileRunDeps {
  readonly jobs: TranscriptionOwner;
  /** The media reader worker's owner; without one, every file is decoded whole by `decode`. */
  readonly readers?: ReaderOwner;
  /** The browser's whole-file decoding: for what the reader cannot stream. */
  readonly decode: (file: Blob & { name?: string }) => Promise<Float32Array>;
  /** What Decoding → Automatic decodes this model with, for media this long (core/catalog/recommend.ts). */
  readonly autoQuality: (repo: string, seconds: number) => Quality;
  readonly status: TranscriptionStatus;
}

/** Where a file run's work goes: a project (a whole file), or a proposal (a re-take of a stretch). */
export interface FileRunSink {
  /** The media is read and long enough: the job starts with this decoding. */
  readonly begin: (seconds: number, quality: Quality) => void;
  readonly cues: (cues: readonly Cue[], peaks: Uint8Array) => void;
  /** Who speaks when, once the file is heard (asked for with `speakers`). */
  readonly speakers?: (turns: readonly SpeakerTurn[]) => void;
  /** `began`: `begin` was called; `result` when it ended well. */
  readonly end: (end: RunEnd, began: boolean, result: TranscribeResult | null) => void;
}

/** A file's audio for the worker: streamed by a reader while it is read, or decoded whole first. */
type Opened = { readonly seconds: number; readonly reading: MediaReading } | { readonly seconds: number; readonly audio: Float32Array };

function tooShort(name: string, seconds: number): ErrorData {
  return Object.freeze({
    code: 'invalid-input',
    message: `${name} is too short to transcribe (${seconds.toFixed(2)} s of audio). Whisper needs at least ${MIN_AUDIO_SECONDS} s: pick or record something longer.`,
  });
}

/**
 * One file (or a stretch of it) through the workers: a reader streams its samples to the
 * transcription worker (or the page decodes it whole), cues go to the sink as windows are done.
 * Cancel terminates both workers (inference cannot be interrupted) and keeps what is done.
 */
export class FileRun {
  readonly #deps: FileRunDeps;
  readonly #sink: FileRunSink;
  readonly #span: MediaSpan | null;
  #reading: MediaReading | null = null;
  #jobId: string | null = null;
  #began = false;
  #ended = false;

  constructor(deps: FileRunDeps, sink: FileRunSink, span: MediaSpan | null) {
    [this.#deps, this.#sink, this.#span] = [deps, sink, span];
  }

  async start(file: Blob & { name?: string }, options: TranscribeOptions): Promise<void> {
    this.#deps.status.begin('reading', () => this.#cancel());
    let opened: Opened;
    try {
      opened = await this.#open(file);
    } catch (error) {
      return this.#end('failed', toErrorData(error));
    }
    if (this.#ended) return; // cancelled while opening or decoding
    const span = this.#span;
    const seconds = span ? Math.min(opened.seconds, span.to) - span.from : opened.seconds;
    if (seconds < MIN_AUDIO_SECONDS) return this.#end('failed', tooShort(file.name ?? 'The recording', seconds));
    const quality = options.quality !== 'auto' ? options.quality : this.#deps.autoQuality(options.repo, opened.seconds);
    this.#began = true;
    this.#sink.begin(seconds, quality);
    this.#deps.status.loading(seconds);
    const [source, transfer] = this.#sourceOf(opened, seconds);
    const { repo, dtype, multilingual, language, task, device, vad, prompt, speakers } = options;
    const asked = { ...(prompt ? { prompt } : {}), ...(speakers && this.#sink.speakers ? { speakers } : {}) };
    const request: Omit<TranscribeRequest, 'jobId'> = { type: 'transcribe', source, repo, dtype, multilingual, language, task, device, vad, quality, ...asked };
    this.#jobId = this.#deps.jobs.run(request, { onreply: (reply) => this.#receive(reply), transfer, advice: RUN_ADVICE });
  }

  #cancel(): void {
    if (this.#jobId === null) return this.#end('cancelled', null);
    this.#deps.jobs.terminate(); // its job ends `cancelled`
  }

  /** Streamed by a reader worker when it can read the file, else decoded whole in the page. */
  async #open(file: Blob & { name?: string }): Promise<Opened> {
    const readers = this.#deps.readers;
    if (readers) {
      const status = this.#deps.status;
      const reading = new MediaReading(readers, {
        onprogress: (seconds, done) => status.read(seconds, done),
        onfailed: (error) => this.#failed(error),
        onjump: (at, seconds) => status.note(jumpNote(formatDuration(at), formatDuration(seconds))),
      });
      this.#reading = reading;
      const seconds = await reading.open(file);
      if (this.#ended) throw new Error('cancelled while opening');
      if (seconds !== null) return { seconds, reading };
      reading.stop();
      this.#reading = null;
    }
    const audio = await this.#deps.decode(file);
    return { seconds: audio.length / SAMPLE_RATE, audio };
  }

  /** One way in for all audio: a port, fed by the reader as it reads, or here with what the browser decoded whole. */
  #sourceOf(opened: Opened, seconds: number): [TranscribeRequest['source'], Transferable[]] {
    const channel = new MessageChannel();
    const span = this.#span ?? undefined;
    if ('audio' in opened) {
      const audio = span ? opened.audio.slice(Math.round(span.from * SAMPLE_RATE), Math.round(span.to * SAMPLE_RATE)) : opened.audio;
      for (const message of pcmMessages(audio)) channel.port1.postMessage(message, message.type === 'pcm' ? [message.samples.buffer] : []);
    } else {
      opened.reading.start(channel.port1, span);
      this.#deps.status.read(0, false);
    }
    return [Object.freeze({ port: channel.port2, seconds }), [channel.port2]];
  }

  /** A worker is gone or broken: say so, keep the cues, and start fresh workers next time. */
  #failed(error: ErrorData): void {
    this.#end('failed', error);
    this.#deps.jobs.terminate(); // its state may be what failed (a lost WebGPU device): the next run starts clean
  }

  #receive(reply: TranscribeReply): void {
    const status = this.#deps.status;
    switch (reply.type) {
      case 'progress': return status.progress(reply.progress.done, reply.progress.total);
      case 'update': {
        const update = reply.update;
        status.moved();
        if (update.type === 'ready') status.ready(update, true);
        else if (update.type === 'language') status.heard(update.code, update.probability);
        else if (update.type === 'cues') this.#sink.cues(update.cues, update.peaks);
        else if (update.type === 'speakers') this.#sink.speakers?.(update.turns);
        return;
      }
      case 'result': return this.#end('done', null, reply.result);
      case 'failed': return this.#failed(reply.error);
      case 'cancelled': return this.#end('cancelled', null);
      default: reply satisfies never;
    }
  }

  #end(phase: RunEnd['phase'], error: ErrorData | null, result: TranscribeResult | null = null): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#reading?.stop();
    this.#reading = null;
    this.#sink.end(this.#deps.status.end(phase, error), this.#began, result);
  }
}
