import { StudioError, type ErrorData } from '../../core/errors.ts';
import type { MediaSpan } from '../../core/media/media-span.ts';
import type { ReaderReply, ReaderRequest } from '../../core/media/media-protocol.ts';
import type { JobOwner } from '../../workers/shared/job-owner.ts';
import { RUN_ADVICE } from './transcribe-options.ts';

/** The media reader worker's owner: one file at a time. */
export type ReaderOwner = JobOwner<ReaderRequest, ReaderReply>;

export interface ReadingEvents {
  /** Seconds of the media read so far (`done`: all of it). */
  readonly onprogress: (seconds: number, done: boolean) => void;
  /** Reading failed: the reader crashed or stopped, with what to do. */
  readonly onfailed: (error: ErrorData) => void;
  /** The track's timestamps jumped by `seconds` at `at`: the gap was left out of the timeline. */
  readonly onjump?: (at: number, seconds: number) => void;
}


/**
 * One file read by the media reader worker: `open` says whether it can be streamed (and how long it
 * is), `start` sends its samples to the transcriber, `stop` ends the worker at once.
 */
export class MediaReading {
  readonly #jobs: ReaderOwner;
  readonly #events: ReadingEvents;

  constructor(jobs: ReaderOwner, events: ReadingEvents) {
    [this.#jobs, this.#events] = [jobs, events];
  }

  /**
   * The media's length in seconds, or null when it must be decoded whole by the browser instead (or
   * the reader died, or was stopped, while it opened). Rejects with the reader's message when there
   * is nothing it could transcribe (no audio, no decoder).
   */
  open(file: Blob & { name?: string }): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const onreply = (reply: ReaderReply): void => {
        if (reply.type === 'result') resolve(reply.result.seconds);
        else if (reply.type === 'failed' && reply.error.code !== 'crashed') reject(new StudioError(reply.error));
        else if (reply.type === 'failed' || reply.type === 'cancelled') resolve(null);
      };
      this.#jobs.run({ type: 'open', file }, { onreply });
    });
  }

  start(port: MessagePort, span?: MediaSpan): void {
    const events = this.#events;
    const onreply = (reply: ReaderReply): void => {
      if (reply.type === 'progress') events.onprogress(reply.progress.done, false);
      else if (reply.type === 'update') events.onjump?.(reply.update.at, reply.update.seconds);
      else if (reply.type === 'result') events.onprogress(reply.result.seconds ?? 0, true);
      else if (reply.type === 'failed') events.onfailed(reply.error);
    };
    this.#jobs.run(span ? { type: 'read', port, span } : { type: 'read', port }, { onreply, transfer: [port], advice: RUN_ADVICE });
  }

  /** Terminates the reader; an `open` still waiting gets null. */
  stop(): void {
    this.#jobs.terminate();
  }
}
