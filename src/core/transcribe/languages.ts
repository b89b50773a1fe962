/** Languages offered in the picker (Whisper knows ~99); the value is what transformers.js accepts. */
export const LANGUAGES: readonly (readonly [value: string, label: string])[] = Object.freeze([
  ['english', 'English'], ['spanish', 'Spanish'], ['french', 'French'], ['german', 'German'], ['italian', 'Italian'],
  ['portuguese', 'Portuguese'], ['dutch', 'Dutch'], ['polish', 'Polish'], ['ukrainian', 'Ukrainian'], ['russian', 'Russian'],
  ['turkish', 'Turkish'], ['arabic', 'Arabic'], ['hindi', 'Hindi'], ['chinese', 'Chinese'], ['japanese', 'Japanese'],
  ['korean', 'Korean'], ['swedish', 'Swedish'], ['norwegian', 'Norwegian'], ['danish', 'Danish'], ['finnish', 'Finnish'],
  ['greek', 'Greek'], ['czech', 'Czech'], ['romanian', 'Romanian'], ['hungarian', 'Hungarian'], ['indonesian', 'Indonesian'],
  ['vietnamese', 'Vietnamese'], ['thai', 'Thai'], ['hebrew', 'Hebrew'], ['persian', 'Persian'], ['catalan', 'Catalan'],
]);

/** Whisper's language codes for the languages above (its tokens are `<|en|>`, `<|es|>`…). */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = Object.freeze({
  english: 'en', spanish: 'es', french: 'fr', german: 'de', italian: 'it', portuguese: 'pt', dutch: 'nl', polish: 'pl',
  ukrainian: 'uk', russian: 'ru', turkish: 'tr', arabic: 'ar', hindi: 'hi', chinese: 'zh', japanese: 'ja', korean: 'ko',
  swedish: 'sv', norwegian: 'no', danish: 'da', finnish: 'fi', greek: 'el', czech: 'cs', romanian: 'ro', hungarian: 'hu',
  indonesian: 'id', vietnamese: 'vi', thai: 'th', hebrew: 'he', persian: 'fa', catalan: 'ca',
});

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** A Whisper language code as a person reads it (`en` → English). */
export function languageName(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code; // a code Intl does not know (Whisper's `haw`, `jw`…)
  }
}
