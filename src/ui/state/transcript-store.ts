import type { Segment } from '../../core/subtitles/segment.ts';

const KEY = 'whisper-studio:transcript';

export interface SavedTranscript {
  readonly source: string;
  readonly segments: readonly Segment[];
}

/** The transcript being edited, kept on this device so a reload or a failed run loses nothing. */
export class TranscriptStore {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'>;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'>) {
    this.#storage = storage;
  }

  load(): SavedTranscript | null {
    try {
      const value = JSON.parse(this.#storage.getItem(KEY) ?? 'null') as SavedTranscript | null;
      return value && Array.isArray(value.segments) ? value : null;
    } catch {
      return null;
    }
  }

  save(transcript: SavedTranscript): void {
    this.#storage.setItem(KEY, JSON.stringify(transcript));
  }
}
