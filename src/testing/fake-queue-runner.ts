import type { ProjectMeta } from '../core/projects/project-store.ts';
import type { QueueRunner, SavedQueue } from '../ui/queue/batch-queue.svelte.ts';
import type { RunEnd, TranscribeOptions } from '../ui/transcription/transcribe-options.ts';
import type { MemoryProjectStore } from './memory-project-store.ts';
import { Emitter } from '../core/util/emitter.ts';

export const OPTIONS: TranscribeOptions = Object.freeze({ repo: 'Xenova/whisper-tiny', dtype: 'q8', multilingual: true, language: null, task: 'transcribe', device: 'auto', vad: true, quality: 'auto' });

/** A transcriber that runs one file at a time and ends when the spec says so. */
export class FakeRunner implements QueueRunner {
  readonly projects: MemoryProjectStore;
  constructor(projects: MemoryProjectStore) {
    this.projects = projects;
  }
  busy = false;
  secondsLeft: number | null = null;
  readonly #events = new Emitter<{ ended: RunEnd }>();
  on(event: 'ended', listener: (end: RunEnd) => void): () => void {
    return this.#events.on(event, listener);
  }
  readonly runs: { name: string; projectId: string | undefined; text: string }[] = [];
  async transcribe(file: Blob & { name?: string }, _options: TranscribeOptions, project?: ProjectMeta): Promise<void> {
    this.busy = true;
    this.runs.push({ name: file.name ?? '', projectId: project?.id, text: await file.text() });
  }
  cancel(): void {
    this.end('cancelled');
  }
  /** How the run ended; `began`: the file was read and its project began (as the run's saver writes it). */
  end(phase: RunEnd['phase'], message?: string, began = !message): void {
    this.busy = false;
    const id = this.runs.at(-1)?.projectId;
    // A run's start restarts its project (creating it when the queue had not), as the saver does.
    if (began && id) void this.projects.restart({ id, name: this.runs.at(-1)!.name, createdAt: 0, updatedAt: 0, status: phase });
    this.#events.emit('ended', Object.freeze({ phase, error: message ? { code: 'invalid-input' as const, message } : null, elapsedMs: 1000 }));
  }
}

export function memoryQueueStore() {
  let saved: SavedQueue | null = null;
  return { load: async () => saved, save: async (q: SavedQueue) => void (saved = structuredClone(q)) };
}

