import type { ProjectMeta } from '../../core/projects/project-store.ts';
import type { RtfRecord } from '../../core/catalog/recommend.ts';
import { applyRules } from '../../core/subtitles/replace-rules.ts';
import { Emitter } from '../../core/util/emitter.ts';
import type { TranscribeResult } from '../../core/transcribe/transcribe-protocol.ts';
import type { Quality } from '../../core/transcribe/decode-options.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import { FileRun, type FileRunDeps } from './file-run.ts';
import { speakersWithModel, type SpeakersOwner } from './speaker-model-run.ts';
import type { SpeakerCount } from '../../core/speakers/cluster-voices.ts';
import type { RunEnd, RunEvents, TranscribeOptions } from './transcribe-options.ts';

/** Shorter runs say little about speed. */
const MEASURE_FROM_SECONDS = 5;

export interface FileTranscriptionDeps extends FileRunDeps {
  /** The document the cues go into: a new project per file, or the one given. */
  readonly transcript: Transcript;
  /** This device's speed for the model, from runs long enough to tell. */
  readonly onmeasured?: (record: RtfRecord) => void;
  /** The speaker worker's owner, for speakers found with a downloaded model. */
  readonly speakerJobs?: SpeakersOwner;
}

/** A whole file transcribed into its project, one at a time (the queue runs files through it). */
export class FileTranscription {
  readonly #deps: FileTranscriptionDeps;
  readonly #events = new Emitter<Pick<RunEvents, 'ended'>>();

  constructor(deps: FileTranscriptionDeps) {
    this.#deps = deps;
  }

  get busy(): boolean {
    return this.#deps.status.busy;
  }

  get secondsLeft(): number | null {
    return this.#deps.status.secondsLeft;
  }

  on<K extends keyof Pick<RunEvents, 'ended'>>(event: K, listener: (payload: RunEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  cancel(): void {
    this.#deps.status.cancel();
  }

  /** Transcribe `file` into a new project, or into `project` (queued, or cut short by a reload). */
  transcribe(file: Blob & { name?: string }, options: TranscribeOptions, project?: ProjectMeta): Promise<void> {
    if (this.busy) return Promise.resolve();
    const { transcript, status } = this.#deps;
    const rules = options.rules ?? [];
    let quality: Quality = 'fast';
    const run = new FileRun(this.#deps, {
      begin: (seconds, chosen) => {
        quality = chosen;
        const { repo, dtype, device, language, task, vad, prompt } = options;
        const settings = { repo, dtype, device, quality, language, task, vad, ...(prompt ? { prompt } : {}) };
        const media = file instanceof File ? file : new File([file], file.name ?? 'recording', { type: file.type });
        transcript.begin(media, { size: file.size, duration: seconds, kind: file.type, settings }, project);
      },
      cues: (cues, peaks) => {
        transcript.append(applyRules(cues, rules));
        if (peaks.length) transcript.addPeaks(peaks);
      },
      speakers: (turns) => transcript.labelSpeakers(turns),
      end: (end, began, result) => {
        if (began) transcript.ended(end.phase, result && result.totalSeconds > 0 ? result.elapsedMs / 1000 / result.totalSeconds : undefined);
        if (result) this.#measured(options.repo, quality, result, status.device?.device);
        const { speakerModel, speakers } = options;
        if (end.phase !== 'done' || !speakerModel || !speakers) return this.#events.emit('ended', end);
        void this.#withModel(file, speakerModel, speakers).finally(() => this.#events.emit('ended', end));
      },
    }, null);
    return run.start(file, options);
  }

  /**
   * Speakers from a downloaded model, into the project just transcribed: the run stays busy (no
   * other project opens, Cancel stops it) until they are in, so they always land where they belong.
   */
  async #withModel(file: Blob & { name?: string }, model: NonNullable<TranscribeOptions['speakerModel']>, speakers: SpeakerCount): Promise<void> {
    const { transcript, status, speakerJobs } = this.#deps;
    if (!speakerJobs) return;
    const stop = new AbortController();
    status.speakersFrom(`Finding speakers with ${model.repo}…`, () => stop.abort());
    const onprogress = (done: number, total: number): void => {
      status.speakerNote = `Finding speakers with ${model.repo}: ${Math.round((100 * done) / Math.max(1, total))} %`;
    };
    try {
      const turns = await speakersWithModel({ ...this.#deps, jobs: speakerJobs }, file, { model, speakers, onprogress, signal: stop.signal });
      if (turns === null) return status.speakersEnd('Finding speakers was cancelled: the transcript is kept without them.');
      if (turns.length > 0) transcript.labelSpeakers(turns);
      status.speakersEnd(`Speakers found with ${model.repo} (its accuracy is not measured here): ${new Set(turns.map((t) => t.speaker)).size}.`);
    } catch (error) {
      status.speakersEnd(`Speakers could not be found with ${model.repo}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #measured(repo: string, quality: Quality, result: TranscribeResult, device: RtfRecord['device'] | undefined): void {
    if (result.totalSeconds >= MEASURE_FROM_SECONDS && device) this.#deps.onmeasured?.({ repo, device, quality, rtf: result.elapsedMs / 1000 / result.totalSeconds });
  }
}

