import { StudioError } from '../../core/errors.ts';
import type { MediaSpan, ReaderReply, ReaderRequest } from '../../core/media-protocol.ts';
import type { WatchLife } from './watch-life.ts';
import type { JobWorker } from './worker-port.ts';

/** The media reader worker as the page uses it, so specs can pass a fake. */
export type ReaderLike = JobWorker<ReaderRequest, ReaderReply>;

export interface ReadingEvents {
  /** Seconds of the media read so far (`done`: all of it). */
  readonly onprogress: (seconds: number, done: boolean) => void;
  /** The reader worker failed to start or crashed. */
  readonly oncrash: (reason: string) => void;
  /** The track's timestamps jumped by `seconds` at `at`: the gap was left out of the timeline. */
  readonly onjump?: (at: number, seconds: number) => void;
}

/** What an `error` event of a worker says, when it says anything (an ErrorEvent's message). */
export function errorText(event: Event): string {
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : 'it failed to start or stopped';
}

/**
 * One file read by a media reader worker of its own: `open` says whether it can be streamed (and
 * how long it is), `start` sends its samples to the transcriber, `stop` ends it at once.
 */
export class MediaReading {
  readonly #worker: ReaderLike;
  readonly #watchLife: WatchLife | undefined;
  #opened: ((seconds: number | null | StudioError) => void) | null = null;
  #stopped = false;

  constructor(worker: ReaderLike, watchLife: WatchLife | undefined, events: ReadingEvents) {
    [this.#worker, this.#watchLife] = [worker, watchLife];
    worker.addEventListener('message', (event) => this.#receive(event.data, events));
    worker.addEventListener('error', (event) => this.#crashed(events, errorText(event)));
    worker.addEventListener('messageerror', () => this.#crashed(events, 'a message could not be read'));
  }

  /**
   * The media's length in seconds, or null when it must be decoded whole by the browser instead.
   * Rejects with the reader's message when there is nothing it could transcribe (no audio, no decoder).
   */
  async open(file: Blob & { name?: string }): Promise<number | null> {
    const opened = new Promise<number | null | StudioError>((resolve) => (this.#opened = resolve));
    this.#worker.postMessage(Object.freeze({ type: 'open', file }), []);
    const result = await opened;
    if (result instanceof StudioError) throw result;
    return result;
  }

  start(port: MessagePort, span?: MediaSpan): void {
    this.#worker.postMessage(Object.freeze(span ? { type: 'start', port, span } : { type: 'start', port }), [port]);
  }

  /** Terminates the reader; an `open` still waiting gets null. */
  stop(): void {
    this.#stopped = true;
    this.#worker.terminate();
    this.#settle(null);
  }

  #crashed(events: ReadingEvents, reason: string): void {
    if (this.#stopped) return;
    const opening = this.#opened !== null;
    this.stop();
    if (!opening) events.oncrash(reason);
  }

  #refuse(message: string): void {
    this.#settle(new StudioError({ code: 'unsupported', message }));
    this.stop();
  }

  #settle(seconds: number | null | StudioError): void {
    this.#opened?.(seconds);
    this.#opened = null;
  }

  #receive(reply: ReaderReply, events: ReadingEvents): void {
    switch (reply.type) {
      case 'alive': return this.#watchLife?.(reply.lock, () => this.#crashed(events, 'it was closed or crashed'));
      case 'opened': return this.#settle(reply.seconds);
      case 'unsupported': return this.stop();
      case 'refused': return this.#refuse(reply.message);
      case 'jump': return events.onjump?.(reply.at, reply.seconds);
      case 'progress': return events.onprogress(reply.seconds, false);
      case 'ended': return events.onprogress(reply.seconds, true);
      default: reply satisfies never;
    }
  }
}
