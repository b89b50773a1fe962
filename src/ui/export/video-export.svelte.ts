import type { ErrorData } from '../../core/errors.ts';
import { DEFAULT_CAPTION_STYLE, type CaptionStyle } from '../../core/subtitles/caption-style.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import type { VideoReply, VideoRequest } from '../../core/video/video-protocol.ts';
import type { VideoJobKind, VideoResult } from '../../core/video/video-result.ts';
import { paced, startPace, timeLeft, type Pace } from '../../core/job/pace.ts';
import type { JobOwner } from '../../workers/shared/job-owner.ts';

export interface VideoExportDeps {
  /** The video worker's owner: one job at a time, its worker ended after each. */
  readonly jobs: JobOwner<VideoRequest, VideoReply>;
  /** Ask where to save (in the click); null where the browser has no save picker, undefined when the person closed it. */
  readonly pickTarget: (suggestedName: string) => Promise<FileSystemFileHandle | null | undefined>;
  /** Offer a finished file written into OPFS `exports/` as a download. */
  readonly offer: (result: VideoResult) => Promise<void>;
  /** What OPFS `exports/` holds (the last video offered as a download): its bytes, and removing it. */
  readonly exports: { bytes(): Promise<number>; clear(): Promise<void> };
  readonly now: () => number;
}

export type VideoPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** A burn-in or soft-subtitle job: one worker each, progress and time left, Cancel at any point. */
export class VideoExport {
  phase = $state<VideoPhase>('idle');
  kind = $state<VideoJobKind>('burn');
  fraction = $state(0);
  secondsLeft = $state<number | null>(null);
  result = $state.raw<VideoResult | null>(null);
  error = $state.raw<ErrorData | null>(null);
  /** Bytes the last video offered as a download still takes in the app's storage (shown, and removable). */
  leftoverBytes = $state(0);
  /** The caption look for burn-in and ASS, as the form sets it. */
  style = $state.raw<CaptionStyle>(DEFAULT_CAPTION_STYLE);
  readonly #deps: VideoExportDeps;
  #jobId: string | null = null;
  #pace: Pace = startPace(0);

  constructor(deps: VideoExportDeps) {
    this.#deps = deps;
  }

  /** Start from a click: the save picker (where there is one) must open within it. */
  async start(kind: VideoJobKind, file: File, cues: readonly Cue[], suggestedName: string): Promise<void> {
    const style = this.style;
    if (this.phase === 'running') return;
    const target = await this.#deps.pickTarget(suggestedName).catch(() => undefined);
    if (target === undefined) return;
    [this.phase, this.kind, this.fraction, this.secondsLeft, this.result, this.error] = ['running', kind, 0, null, null, null];
    this.#pace = startPace(this.#deps.now());
    const request = { type: 'export', kind, file, name: file.name, cues: Object.freeze([...cues]), style, target } as const;
    this.#jobId = this.#deps.jobs.run(request, { onreply: (reply) => void this.#reply(reply), advice: 'Try again; a shorter or smaller video needs less memory.' });
  }

  cancel(): void {
    if (this.#jobId) this.#deps.jobs.send({ type: 'cancel', jobId: this.#jobId });
  }

  async #reply(reply: VideoReply): Promise<void> {
    if (reply.type === 'progress') return this.#progress(reply.progress.done, reply.progress.total);
    if (reply.type === 'cancelled') return this.#finish('cancelled');
    if (reply.type === 'failed') return this.#finish('failed', reply.error);
    if (reply.type !== 'result') return;
    this.result = reply.result;
    if (reply.result.saved !== 'exports') return this.#finish('done');
    this.leftoverBytes = reply.result.bytes;
    try {
      await this.#deps.offer(reply.result);
      this.#finish('done');
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#finish('failed', { code: 'storage', message: `The video was made, but it could not be offered as a download (${why}). Export it again; "Remove" under Storage frees its space.` });
    }
  }

  /** How much the last video offered as a download takes (at start: one from an earlier visit). */
  async measureLeftover(): Promise<void> {
    this.leftoverBytes = await this.#deps.exports.bytes().catch(() => 0);
  }

  /** Free the space of the last video offered as a download. */
  async clearLeftover(): Promise<void> {
    await this.#deps.exports.clear().catch(() => undefined);
    await this.measureLeftover();
  }

  #progress(done: number, total: number): void {
    this.fraction = total > 0 ? done / total : 0;
    this.#pace = paced(this.#pace, this.#deps.now(), done);
    this.secondsLeft = timeLeft(this.#pace, total, { minDone: total * 0.02, minMs: 2000 });
  }

  #finish(phase: VideoPhase, error: ErrorData | null = null): void {
    [this.phase, this.error, this.secondsLeft] = [phase, error, null];
    this.#jobId = null;
    this.#deps.jobs.terminate(); // a video job's worker holds the media's decoders: it goes with the job
  }
}
