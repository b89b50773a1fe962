import { createStore, get, set } from 'idb-keyval';
import type { QueueStore, SavedQueue } from '../queue/batch-queue.svelte.ts';

/** The batch queue, one record in its own IndexedDB database. */
export function idbQueueStore(store = createStore('whisper-studio-queue', 'queue')): QueueStore {
  return {
    load: async () => (await get<SavedQueue>('queue', store)) ?? null,
    save: (queue) => set('queue', queue, store),
  };
}
