import { toErrorData, type ErrorData } from '../../core/errors.ts';
import { formatDuration } from '../../core/format/format-duration.ts';
import type { MediaSpan } from '../../core/media/media-span.ts';
import { jumpNote } from '../../core/media/sample-timeline.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import type { SpeakerTurn } from '../../core/speakers/speaker-turns.ts';
import type { Quality } from '../../core/transcribe/decode-options.ts';
import type { TranscribeReply, TranscribeRequest, TranscribeResult, TranscriptionRequest } from '../../core/transcribe/transcribe-protocol.ts';
import { MIN_AUDIO_SECONDS } from '../../core/transcribe/windows.ts';
import type { JobOwner } from '../../workers/shared/job-owner.ts';
import type { MediaReading } from './media-reading.ts';
import { openMedia, samplesPort, type MediaSourceDeps, type OpenedMedia } from './media-source.ts';
import { RUN_ADVICE, type RunEnd, type TranscribeOptions } from './transcribe-options.ts';
import type { TranscriptionStatus } from './transcription-status.svelte.ts';

/** The transcription worker's owner: it keeps the model in memory between jobs. */
export type TranscriptionOwner = JobOwner<TranscriptionRequest, TranscribeReply>;

export interface FileRunDeps extends MediaSourceDeps {
  readonly jobs: TranscriptionOwner;
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
    let opened: OpenedMedia;
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
    // Speakers found by a downloaded model come after the run (FileTranscription): the built-in detection is not asked for then.
    const builtIn = speakers && this.#sink.speakers && !options.speakerModel;
    const asked = { ...(prompt ? { prompt } : {}), ...(builtIn ? { speakers } : {}) };
    const request: Omit<TranscribeRequest, 'jobId'> = { type: 'transcribe', source, repo, dtype, multilingual, language, task, device, vad, quality, ...asked };
    this.#jobId = this.#deps.jobs.run(request, { onreply: (reply) => this.#receive(reply), transfer, advice: RUN_ADVICE });
  }

  #cancel(): void {
    if (this.#jobId === null) return this.#end('cancelled', null);
    this.#deps.jobs.terminate(); // its job ends `cancelled`
  }

  #open(file: Blob & { name?: string }): Promise<OpenedMedia> {
    const status = this.#deps.status;
    const events = {
      onprogress: (seconds: number, done: boolean) => status.read(seconds, done),
      onfailed: (error: ErrorData) => this.#failed(error),
      onjump: (at: number, seconds: number) => status.note(jumpNote(formatDuration(at), formatDuration(seconds))),
    };
    return openMedia(file, this.#deps, events, (reading) => (this.#reading = reading), () => this.#ended);
  }

  #sourceOf(opened: OpenedMedia, seconds: number): [TranscribeRequest['source'], Transferable[]] {
    if ('reading' in opened) this.#deps.status.read(0, false);
    return samplesPort(opened, seconds, this.#span ?? undefined);
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
