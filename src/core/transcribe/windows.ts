/** Whisper hears 30 s at a time. */
export const WINDOW_SECONDS = 30;
/** Shorter audio holds no word Whisper could hear. */
export const MIN_AUDIO_SECONDS = 0.1;
