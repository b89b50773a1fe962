import { modelKey } from './model-speed.ts';

export interface LanguageChoice {
  readonly repo: string;
  readonly multilingual: boolean;
  /** The language picked, null when the model detects it. */
  readonly language: string | null;
  readonly task: 'transcribe' | 'translate';
  /** What the model heard (Detect), once told: its code and how sure it was. */
  readonly heard: { readonly code: string; readonly probability: number } | null;
}

/** Below this, a detected language is a guess worth correcting. */
const SURE = 0.5;

/**
 * What a person should know before trusting a model with a language, or null. Measured here:
 * whisper-tiny cannot make out a Spanish espeak-ng voice that base writes at WER 0.15 and
 * translates (e2e/base.e2e.ts), and English-only models write any speech as English.
 */
export function languageAdvice(choice: LanguageChoice): string | null {
  const name = choice.repo.split('/').pop() ?? choice.repo;
  const english = (choice.language ?? choice.heard?.code ?? 'en').replace(/^english$/, 'en') === 'en';
  if (!choice.multilingual) return `${name} knows English only: speech in any other language comes out as English nonsense. Pick a multilingual model (base or bigger) for it.`;
  if (/^tiny/.test(modelKey(choice.repo)) && (!english || choice.task === 'translate')) {
    return `${name} often mishears languages other than English and translates poorly; base or a bigger model does much better.`;
  }
  if (choice.language === null && choice.heard && choice.heard.probability < SURE) {
    return `The model was only ${Math.round(choice.heard.probability * 100)} % sure of the language: if you know it, pick it under Language and transcribe again.`;
  }
  return null;
}
