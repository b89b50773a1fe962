import type { RtfRecord } from '../../core/catalog/recommend.ts';

const KEY = 'whisper-studio:rtf-history';
/** The latest transcriptions are enough to know this device. */
const KEEP = 50;

/** How fast transcriptions ran on this device, kept on it: recommendations estimate from these. */
export class RtfHistory {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'>;
  records = $state.raw<readonly RtfRecord[]>([]);

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'>) {
    this.#storage = storage;
    try {
      const saved = JSON.parse(storage.getItem(KEY) ?? '[]') as RtfRecord[];
      this.records = Array.isArray(saved) ? saved.filter((r) => typeof r?.rtf === 'number' && r.rtf > 0) : [];
    } catch {
      this.records = [];
    }
  }

  add(record: RtfRecord): void {
    if (!(record.rtf > 0) || !Number.isFinite(record.rtf)) return;
    this.records = Object.freeze([...this.records, Object.freeze(record)].slice(-KEEP));
    this.#storage.setItem(KEY, JSON.stringify(this.records));
  }
}
