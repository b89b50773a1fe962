/**
 * Where one queued file is: waiting, running, stopped by the person, finished one way or another,
 * or waiting for the person (to pick the file again, or to let the app read its kept handle).
 */
export type QueueStatus = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled' | 'needs-file' | 'needs-permission';

/** One file of the queue: its project (same id), and how its run went. */
export interface QueueItem {
  readonly id: string;
  readonly name: string;
  /** The media's size in bytes: what the time left is estimated from before a file is read. */
  readonly size: number;
  readonly status: QueueStatus;
  /** Why it failed, or what the person must do (pick the file again). */
  readonly message?: string;
  /** Milliseconds its run took, once done: the queue's speed so far. */
  readonly elapsedMs?: number;
}

export type Queue = readonly QueueItem[];

const FINISHED: ReadonlySet<QueueStatus> = new Set(['done', 'failed', 'cancelled']);

export const isFinished = (item: QueueItem): boolean => FINISHED.has(item.status);

/** The next file to run: the first queued one, in the order the person left them. */
export function nextQueued(queue: Queue): QueueItem | null {
  return queue.find((item) => item.status === 'queued') ?? null;
}

/** A copy of the queue with one item changed. */
export function withItem(queue: Queue, id: string, patch: Partial<Omit<QueueItem, 'id'>>): Queue {
  return Object.freeze(queue.map((item) => (item.id === id ? Object.freeze({ ...item, ...patch }) : item)));
}

/** A copy of the queue with one item moved `by` places (clamped to the ends). */
export function moved(queue: Queue, id: string, by: number): Queue {
  const from = queue.findIndex((item) => item.id === id);
  if (from < 0) return queue;
  const to = Math.max(0, Math.min(queue.length - 1, from + by));
  const rest = queue.filter((item) => item.id !== id);
  return Object.freeze([...rest.slice(0, to), queue[from], ...rest.slice(to)]);
}

/** After a reload nothing runs: what ran starts again from its beginning. */
export function afterReload(queue: Queue): Queue {
  return Object.freeze(queue.map((item) => (item.status === 'running' ? Object.freeze({ ...item, status: 'queued' as const }) : item)));
}

/** What the person reads about the queue as a whole. */
export interface QueueSummary {
  /** Files finished (done, failed or cancelled) of all in the queue. */
  readonly finished: number;
  readonly total: number;
  /** Seconds of work left, once the speed can be told; null before. */
  readonly secondsLeft: number | null;
}

/** The running file as its transcription reports it. */
export interface RunningNow {
  readonly id: string;
  readonly elapsedMs: number;
  /** Its own time left, once the transcriber can tell; null before. */
  readonly secondsLeft: number | null;
}

/**
 * Time left for the queue: the running file's own estimate, plus the files still waiting at the
 * speed per byte of media seen so far (files done, or else the running one's pace).
 */
export function summarize(queue: Queue, running: RunningNow | null): QueueSummary {
  const finished = queue.filter(isFinished).length;
  const waitingBytes = queue.filter((item) => item.status === 'queued').reduce((sum, item) => sum + item.size, 0);
  const done = queue.filter((item) => item.status === 'done' && item.elapsedMs !== undefined && item.size > 0);
  const now = running ? queue.find((item) => item.id === running.id) : undefined;
  let msPerByte: number | null = null;
  if (done.length > 0) msPerByte = done.reduce((s, i) => s + (i.elapsedMs ?? 0), 0) / done.reduce((s, i) => s + i.size, 0);
  else if (running && now && now.size > 0 && running.secondsLeft !== null) msPerByte = (running.elapsedMs + running.secondsLeft * 1000) / now.size;
  const runningLeft = running ? running.secondsLeft : 0;
  const waitingLeft = waitingBytes === 0 ? 0 : msPerByte === null ? null : (waitingBytes * msPerByte) / 1000;
  const secondsLeft = waitingLeft === null || runningLeft === null ? null : runningLeft + waitingLeft;
  return Object.freeze({ finished, total: queue.length, secondsLeft });
}
