/** How a window's decoding went, as faster-whisper judges it. */
export interface DecodeAttempt<T> {
  readonly result: T;
  readonly temperature: number;
  /** Sum of token log-probabilities over (tokens + 1), as Whisper computes it. */
  readonly avgLogProb: number;
  /** Text bytes over deflated bytes: a looping text compresses far better than speech. */
  readonly compressionRatio: number;
  /** Whether the text repeats a short phrase over and over ("like, like, like, like"). */
  readonly shortLoop: boolean;
}

export interface QualityRules {
  readonly temperatures: readonly number[];
  readonly compressionRatioThreshold: number;
  readonly logProbThreshold: number;
  readonly noSpeechThreshold: number;
}

/** faster-whisper's defaults. */
export const WHISPER_RULES: QualityRules = Object.freeze({
  temperatures: Object.freeze([0, 0.2, 0.4, 0.6, 0.8, 1]),
  compressionRatioThreshold: 2.4,
  logProbThreshold: -1,
  noSpeechThreshold: 0.6,
});

/**
 * For text that goes on from a forced prefix (a live utterance's committed words). What is left
 * to decode is often a few words cut off mid-speech, whose own average log-probability says little:
 * sampling them at higher temperatures only makes them worse. Only a loop is decoded again, and
 * the window is never taken for silence (its prefix was heard).
 */
export const CONTINUATION_RULES: QualityRules = Object.freeze({ ...WHISPER_RULES, logProbThreshold: -Infinity });

export const averageLogProb = (sumLogProb: number, tokens: number): number => sumLogProb / (tokens + 1);

export const compressionRatio = (textBytes: number, compressedBytes: number): number => (compressedBytes > 0 ? textBytes / compressedBytes : 0);

/**
 * Whether a text that compresses too well is a loop. faster-whisper says yes always; then a
 * window of genuinely repeated speech (a chorus, a chant, a clip said twice) is re-decoded at
 * rising temperatures into worse text. Here it is a loop when a short phrase repeats, or when
 * the model was not confident (average log-probability under half the threshold); a confident
 * text that repeats whole sentences is taken as heard.
 */
export function loops(attempt: DecodeAttempt<unknown>, rules: QualityRules = WHISPER_RULES): boolean {
  if (attempt.compressionRatio <= rules.compressionRatioThreshold) return false;
  return attempt.shortLoop || attempt.avgLogProb < rules.logProbThreshold / 2;
}

/** A window is decoded again at the next temperature when its text loops or the model was unsure of it. */
export function needsFallback(attempt: DecodeAttempt<unknown>, rules: QualityRules = WHISPER_RULES): boolean {
  return loops(attempt, rules) || attempt.avgLogProb < rules.logProbThreshold;
}

/** No speech, no text: the model thinks the window is silent and is not confident of what it wrote. */
export function isNoSpeech(noSpeechProb: number, attempt: DecodeAttempt<unknown>, rules: QualityRules = WHISPER_RULES): boolean {
  return noSpeechProb > rules.noSpeechThreshold && attempt.avgLogProb < rules.logProbThreshold;
}

/**
 * Decode at rising temperatures until an attempt passes; when none does, keep the most likely of
 * those that did not loop (or of all, if every one looped), as faster-whisper does.
 */
export async function decodeWithFallback<T>(
  decode: (temperature: number) => Promise<DecodeAttempt<T>>,
  silent: (attempt: DecodeAttempt<T>) => boolean = () => false,
  rules: QualityRules = WHISPER_RULES,
): Promise<DecodeAttempt<T>> {
  const attempts: DecodeAttempt<T>[] = [];
  for (const temperature of rules.temperatures) {
    const attempt = await decode(temperature);
    // A window the model finds silent is not decoded again: it will be dropped, not improved.
    if (!needsFallback(attempt, rules) || silent(attempt)) return attempt;
    attempts.push(attempt);
  }
  const notLooping = attempts.filter((a) => !loops(a, rules));
  const pool = notLooping.length > 0 ? notLooping : attempts;
  return pool.reduce((best, a) => (a.avgLogProb > best.avgLogProb ? a : best));
}

/**
 * How many tokens a window may need: Whisper writes about 3–5 tokens per second of fast speech;
 * twice that plus a margin, never more than its own limit of 224 (a window that needs more is looping).
 */
export const tokenBudget = (seconds: number, limit = 224): number => Math.min(limit, Math.ceil(seconds * 10) + 10);
