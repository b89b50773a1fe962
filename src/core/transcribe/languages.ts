/** Languages offered in the picker (Whisper knows ~99); the value is what transformers.js accepts. */
export const LANGUAGES: readonly (readonly [value: string, label: string])[] = Object.freeze([
  ['english', 'English'], ['spanish', 'Spanish'], ['french', 'French'], ['german', 'German'], ['italian', 'Italian'],
  ['portuguese', 'Portuguese'], ['dutch', 'Dutch'], ['polish', 'Polish'], ['ukrainian', 'Ukrainian'], ['russian', 'Russian'],
  ['turkish', 'Turkish'], ['arabic', 'Arabic'], ['hindi', 'Hindi'], ['chinese', 'Chinese'], ['japanese', 'Japanese'],
  ['korean', 'Korean'], ['swedish', 'Swedish'], ['norwegian', 'Norwegian'], ['danish', 'Danish'], ['finnish', 'Finnish'],
  ['greek', 'Greek'], ['czech', 'Czech'], ['romanian', 'Romanian'], ['hungarian', 'Hungarian'], ['indonesian', 'Indonesian'],
  ['vietnamese', 'Vietnamese'], ['thai', 'Thai'], ['hebrew', 'Hebrew'], ['persian', 'Persian'], ['catalan', 'Catalan'],
]);
