import { findModel } from '../../core/catalog/whisper-catalog.ts';
import type { StoredModel } from '../../core/store/stored-model.ts';
import { parseRules } from '../../core/subtitles/replace-rules.ts';
import type { DevicePreference, Quality, Task } from '../../core/transcribe/decode-options.ts';
import { promptText } from '../../core/transcribe/prompt-text.ts';
import type { TranscribeOptions } from './transcribe-options.ts';
import type { SpeakerCount } from '../../core/speakers/cluster-voices.ts';

const KEY = 'whisper-studio:transcribe-choices';
const QUALITIES: readonly (Quality | 'auto')[] = ['auto', 'best', 'beam', 'fast'];

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

interface Remembered {
  repo: string | null;
  language: string;
  task: Task;
  quality: Quality | 'auto';
  vad: boolean;
  prompt: string;
  glossary: string;
  rules: string;
  keepCopy: boolean;
  /** Speaker detection: off, automatic, or a number of speakers. */
  speakers: SpeakerChoice;
  /** Find them with a downloaded speaker model (when one is installed) instead of the built-in detection. */
  speakerModel: boolean;
}

export type SpeakerChoice = 'off' | SpeakerCount;
/** A speaker choice from a form's value ('off', 'auto', '3'). */
export const speakerChoice = (value: string): SpeakerChoice => (value === 'off' || value === 'auto' ? value : Number(value));
const isSpeakerChoice = (v: unknown): boolean => v === 'off' || v === 'auto' || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 20);

const DEFAULTS: Readonly<Remembered> = Object.freeze({ repo: null, language: '', task: 'transcribe', quality: 'auto', vad: true, prompt: '', glossary: '', rules: '', keepCopy: false, speakers: 'off', speakerModel: false });

/** What was stored, field by field: anything missing or of the wrong kind falls back to its default. */
function read(storage: KeyValue): Remembered {
  let stored: Partial<Record<keyof Remembered, unknown>> = {};
  try {
    stored = JSON.parse(storage.getItem(KEY) ?? '{}') ?? {};
  } catch {
    // a hand-edited or truncated entry: the defaults
  }
  const pick = <K extends keyof Remembered>(key: K, ok: (v: unknown) => boolean): Remembered[K] => (ok(stored[key]) ? stored[key] : DEFAULTS[key]) as Remembered[K];
  const text = (v: unknown): boolean => typeof v === 'string';
  return {
    repo: pick('repo', text),
    language: pick('language', text),
    task: pick('task', (v) => v === 'transcribe' || v === 'translate'),
    quality: pick('quality', (v) => QUALITIES.includes(v as Quality)),
    vad: pick('vad', (v) => typeof v === 'boolean'),
    prompt: pick('prompt', text),
    glossary: pick('glossary', text),
    rules: pick('rules', text),
    keepCopy: pick('keepCopy', (v) => typeof v === 'boolean'),
    speakers: pick('speakers', isSpeakerChoice),
    speakerModel: pick('speakerModel', (v) => typeof v === 'boolean'),
  };
}

/**
 * The choices a transcription is made with (model, language, task, decoding, prompt…), kept
 * between visits: the New view, live captions and a re-take all read them from here.
 */
export class TranscribeChoices {
  readonly #storage: KeyValue;
  repo = $state<string | null>(null);
  language = $state('');
  task = $state<Task>('transcribe');
  quality = $state<Quality | 'auto'>('auto');
  vad = $state(true);
  prompt = $state('');
  glossary = $state('');
  rules = $state('');
  keepCopy = $state(false);
  speakers = $state<SpeakerChoice>('off');
  speakerModel = $state(false);

  constructor(storage: KeyValue) {
    this.#storage = storage;
    Object.assign(this, read(storage));
  }

  /** Write them down (called after every change the form makes). */
  remember(): void {
    const { repo, language, task, quality, vad, prompt, glossary, rules, keepCopy, speakers, speakerModel } = this;
    this.#storage.setItem(KEY, JSON.stringify({ repo, language, task, quality, vad, prompt, glossary, rules, keepCopy, speakers, speakerModel } satisfies Remembered));
  }

  /** The chosen model among those installed, else the first installed. */
  model(installed: readonly StoredModel[]): StoredModel | undefined {
    return installed.find((m) => m.repo === this.repo) ?? installed[0];
  }

  /** The options for a run with the chosen model, or null when no model is installed; `speakerModels`: installed speaker models. */
  options(installed: readonly StoredModel[], device: DevicePreference, speakerModels: readonly StoredModel[] = []): TranscribeOptions | null {
    const model = this.model(installed);
    if (!model) return null;
    const multilingual = isMultilingual(model.repo);
    return {
      repo: model.repo, dtype: model.dtype, multilingual, language: multilingual && this.language ? this.language : null,
      task: canTranslate(model.repo) ? this.task : 'transcribe', vad: this.vad, quality: this.quality, device,
      prompt: promptText(this.prompt, this.glossary), rules: parseRules(this.rules),
      ...(this.speakers === 'off' ? {} : { speakers: this.speakers }),
      ...(this.speakers !== 'off' && this.speakerModel && speakerModels[0] ? { speakerModel: { repo: speakerModels[0].repo, dtype: speakerModels[0].dtype } } : {}),
    };
  }
}

export const isMultilingual = (repo: string): boolean => findModel(repo)?.multilingual ?? true;

/** Turbo models were trained without translation; `.en` models know only English. */
export const canTranslate = (repo: string): boolean => isMultilingual(repo) && !/turbo/i.test(repo);
