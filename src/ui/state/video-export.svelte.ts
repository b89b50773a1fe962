import type { ErrorData } from '../../core/errors.ts';
import { DEFAULT_CAPTION_STYLE, type CaptionStyle } from '../../core/subtitles/caption-style.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import type { VideoJobKind, VideoReply, VideoRequest, VideoResult } from '../../core/video-protocol.ts';

export interface VideoExportDeps {
  readonly makeWorker: () => Worker;
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
  #worker: Worker | null = null;
  #startedAt = 0;

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
    this.#startedAt = this.#deps.now();
    const worker = this.#deps.makeWorker();
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<VideoReply>) => void this.#reply(event.data);
    worker.onerror = () => this.#finish('failed', { code: 'crashed', message: 'The video worker stopped. Try again; a shorter or smaller video needs less memory.' });
    const request: VideoRequest = Object.freeze({ type: 'start', kind, file, name: file.name, cues: Object.freeze([...cues]), style, target });
    worker.postMessage(request);
  }

  cancel(): void {
    this.#worker?.postMessage(Object.freeze({ type: 'cancel' } satisfies VideoRequest));
  }

  async #reply(reply: VideoReply): Promise<void> {
    if (reply.type === 'progress') return this.#progress(reply.fraction);
    if (reply.type === 'cancelled') return this.#finish('cancelled');
    if (reply.type === 'failed') return this.#finish('failed', reply.error);
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

  #progress(fraction: number): void {
    this.fraction = fraction;
    const elapsed = (this.#deps.now() - this.#startedAt) / 1000;
    this.secondsLeft = fraction > 0.02 && elapsed > 2 ? (elapsed * (1 - fraction)) / fraction : null;
  }

  #finish(phase: VideoPhase, error: ErrorData | null = null): void {
    [this.phase, this.error, this.secondsLeft] = [phase, error, null];
    this.#worker?.terminate();
    this.#worker = null;
  }
}
