const KEY = 'whisper-studio:panes';
/** The media pane's share of the editor's width, in percent. */
const MEDIA = Object.freeze({ min: 20, max: 70, initial: 42 });

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

const clamp = (value: number): number => Math.min(MEDIA.max, Math.max(MEDIA.min, value));

function readStored(text: string | null): { media?: unknown } | null {
  try {
    return JSON.parse(text ?? 'null') as { media?: unknown } | null;
  } catch {
    return null; // a hand-edited entry: the defaults
  }
}

/** The editor's pane sizes as the person left them, kept between visits. */
export class PaneSizes {
  readonly #storage: KeyValue;
  readonly min = MEDIA.min;
  readonly max = MEDIA.max;
  media = $state<number>(MEDIA.initial);

  constructor(storage: KeyValue) {
    this.#storage = storage;
    const stored = Number(readStored(storage.getItem(KEY))?.media);
    if (Number.isFinite(stored)) this.media = clamp(stored);
  }

  setMedia(percent: number): void {
    this.media = clamp(Math.round(percent * 10) / 10);
    this.#storage.setItem(KEY, JSON.stringify({ media: this.media }));
  }
}
