import { needsFallback, WHISPER_RULES, type DecodeAttempt, type QualityRules } from './decode-quality.ts';

/** When a greedy result is not trusted, and the window is decoded again with beam search. */
export interface UnsureRules {
  /** An average token log-probability under this is unsure (Whisper's fallback fires at -1). */
  readonly avgLogProb: number;
  /** A single token less likely than this is an unsure word. */
  readonly tokenProb: number;
}

export const UNSURE_RULES: UnsureRules = Object.freeze({ avgLogProb: -0.5, tokenProb: 0.15 });

/**
 * Whether a greedy decode of a window is unsure enough to pay for beam search: it would fall back
 * (loops, low confidence), the model doubts there is speech at all, its average confidence is
 * middling, or one of its words was a guess. Confident windows, most of clear speech, keep the
 * greedy text, which beam search would almost always reproduce.
 */
export function isUnsure(attempt: DecodeAttempt<unknown>, tokenLogProbs: readonly number[], noSpeechProb: number, rules: QualityRules = WHISPER_RULES, unsure: UnsureRules = UNSURE_RULES): boolean {
  if (needsFallback(attempt, rules) || noSpeechProb > rules.noSpeechThreshold) return true;
  if (attempt.avgLogProb < unsure.avgLogProb) return true;
  const floor = Math.log(unsure.tokenProb);
  return tokenLogProbs.some((p) => p < floor);
}
