import type { Queue, QueueSummary } from '../../core/projects/batch-queue.ts';
import type { TranscribeOptions } from '../transcription/transcribe-options.ts';

/** The queue as the tab running it shows it: what other tabs render. */
export interface QueueView {
  readonly items: Queue;
  readonly summary: QueueSummary;
  readonly notice: string | null;
}

/** What a tab that does not run the queue asks of the one that does (files and handles travel with the message). */
export type QueueCommand =
  | { readonly kind: 'add'; readonly files: readonly File[]; readonly options: TranscribeOptions; readonly copy: boolean }
  | { readonly kind: 'remember'; readonly file: File; readonly handle: FileSystemFileHandle }
  | { readonly kind: 'pause' | 'cancel' | 'resume' | 'forget'; readonly id: string }
  | { readonly kind: 'move'; readonly id: string; readonly by: number }
  | { readonly kind: 'pick'; readonly id: string; readonly file: File }
  | { readonly kind: 'clear-finished' };
