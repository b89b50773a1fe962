import { summarize, type Queue, type QueueSummary } from '../../core/projects/batch-queue.ts';
import type { BatchQueue } from '../queue/batch-queue.svelte.ts';
import type { TranscribeOptions } from '../transcription/transcribe-options.ts';
import type { HoldLock } from './held-lock.ts';
import type { QueueCommand, QueueView } from './queue-signals.ts';
import type { TabSignals } from './tab-signals.ts';

export const QUEUE_LOCK = 'whisper-studio-queue';
/** How often the running tab tells the others where the queue is. */
const VIEW_EVERY_MS = 1000;
const EMPTY: QueueView = Object.freeze({ items: Object.freeze([]), summary: summarize([], null), notice: null });
const ELSEWHERE = 'The queue runs in another tab or window of this app: the files were handed to it, and their progress shows here.';

export interface SharedQueueDeps {
  /** The queue that runs files in this tab, once this tab is the one that runs it. */
  readonly queue: BatchQueue;
  readonly hold: HoldLock;
  readonly signals: TabSignals;
  readonly every?: (ms: number, tick: () => void) => void;
}

/**
 * One queue for every tab: it runs in the tab that holds its lock (the first), the others show its
 * state and hand it their files and clicks; when that tab closes, the next takes the lock and goes on
 * from the saved queue.
 */
export class SharedQueue {
  /** Whether this tab runs the queue. */
  leading = $state(false);
  #view = $state.raw<QueueView>(EMPTY);
  /** Files this tab handed to the tab that runs the queue. */
  #handed = $state<string | null>(null);
  readonly #deps: SharedQueueDeps;

  constructor(deps: SharedQueueDeps) {
    this.#deps = deps;
    deps.signals.on('queue', ({ view }) => {
      if (!this.leading) this.#view = view;
    });
    deps.signals.on('queue-command', ({ command }) => {
      if (this.leading) this.#run(command);
    });
  }

  /** Waits for the queue's lock; from then on this tab runs the queue (restored from where it was saved). */
  async lead(): Promise<void> {
    await this.#deps.hold(QUEUE_LOCK, { wait: true });
    this.leading = true;
    await this.#deps.queue.restore();
    let last = '';
    const tell = (): void => {
      const view = this.#ownView();
      const text = JSON.stringify(view);
      // Every second while it holds files (a tab opened later learns of it, a running file's time left moves), else on a change.
      if (text !== last || view.items.length > 0) this.#deps.signals.post({ type: 'queue', view });
      last = text;
    };
    (this.#deps.every ?? ((ms, tick) => void setInterval(tick, ms)))(VIEW_EVERY_MS, tell);
    tell();
  }

  get items(): Queue {
    return this.leading ? this.#deps.queue.items : this.#view.items;
  }

  get summary(): QueueSummary {
    return this.leading ? this.#deps.queue.summary : this.#view.summary;
  }

  get notice(): string | null {
    return this.leading ? this.#deps.queue.notice : (this.#view.notice ?? this.#handed);
  }

  async add(files: readonly File[], options: TranscribeOptions, keep: { readonly copy: boolean }): Promise<void> {
    if (this.leading) return this.#deps.queue.add(files, options, keep);
    this.#send({ kind: 'add', files: [...files], options, copy: keep.copy });
    this.#handed = ELSEWHERE;
  }

  remember(file: File, handle: FileSystemFileHandle): void {
    this.#act({ kind: 'remember', file, handle });
  }
  pause(id: string): void {
    this.#act({ kind: 'pause', id });
  }
  cancel(id: string): void {
    this.#act({ kind: 'cancel', id });
  }
  resume(id: string): void {
    this.#act({ kind: 'resume', id });
  }
  forget(id: string): void {
    this.#act({ kind: 'forget', id });
  }
  move(id: string, by: number): void {
    this.#act({ kind: 'move', id, by });
  }
  clearFinished(): void {
    this.#act({ kind: 'clear-finished' });
  }
  async pick(id: string, file: File): Promise<void> {
    this.#act({ kind: 'pick', id, file });
  }

  /** Letting the app read a kept file again needs this tab's click: it runs where the click is. */
  async allow(id: string): Promise<void> {
    if (this.leading) await this.#deps.queue.allow(id);
  }

  #ownView(): QueueView {
    const queue = this.#deps.queue;
    return Object.freeze({ items: queue.items, summary: queue.summary, notice: queue.notice });
  }

  #act(command: QueueCommand): void {
    if (this.leading) this.#run(command);
    else this.#send(command);
  }

  #send(command: QueueCommand): void {
    this.#deps.signals.post({ type: 'queue-command', command });
  }

  #run(command: QueueCommand): void {
    const queue = this.#deps.queue;
    switch (command.kind) {
      case 'add': return void queue.add(command.files, command.options, { copy: command.copy });
      case 'remember': return queue.remember(command.file, command.handle);
      case 'pause': return queue.pause(command.id);
      case 'cancel': return queue.cancel(command.id);
      case 'resume': return queue.resume(command.id);
      case 'forget': return queue.forget(command.id);
      case 'move': return queue.move(command.id, command.by);
      case 'pick': return void queue.pick(command.id, command.file);
      case 'clear-finished': return queue.clearFinished();
      default: return command satisfies never;
    }
  }
}
