import type { Word } from '../subtitles/cue.ts';
import { logSoftmax } from './beam-search.ts';
import { averageLogProb, compressionRatio, CONTINUATION_RULES, decodeWithFallback, isNoSpeech, tokenBudget, WHISPER_RULES, type DecodeAttempt, type QualityRules } from './decode-quality.ts';
import type { Profiler } from './decode-profile.ts';
import { endsInLoop, findLoop } from './repetition.ts';
import { isUnsure, UNSURE_RULES } from './unsure.ts';
import { FRAME_SECONDS, tokenStarts } from './token-alignment.ts';
import { previousText, promptAfterLanguage, type WhisperGenerationConfig, type WhisperTokens } from './whisper-prompt.ts';
import { tokensToWords } from './words.ts';
import { alignmentOf, headWeightsOf, type Alignment } from './attention-trail.ts';
import { generateTokens, type DecodeStart, type Generated } from './generate-tokens.ts';
import type { WhisperModel } from './whisper-model.ts';
import type { Task } from './decode-options.ts';
import { SAMPLE_RATE } from '../media/samples.ts';

/** A Whisper model with what decoding needs around it: its tokens, its tokenizer, and the compression the quality rules measure. */
export interface SpeechDecoder<Features = unknown, Hidden = unknown, Cache = unknown> {
  readonly model: WhisperModel<Features, Hidden, Cache>;
  readonly config: WhisperGenerationConfig;
  readonly tokens: WhisperTokens;
  /** Log-mel features of ≤ 30 s of 16 kHz audio, padded to 30 s. */
  features(samples: Float32Array): Promise<Features>;
  decodeText(ids: readonly number[]): string;
  /** A text's token ids, no special tokens (for a prompt). */
  encodeText(text: string): number[];
  /** Deflated size of some bytes, for the compression ratio. */
  compressedSize(bytes: Uint8Array): Promise<number>;
}

export interface WindowRequest {
  readonly beamSize: number;
  /** Decode greedily first and pay for the beams only when that result is unsure (`isUnsure`). */
  readonly greedyFirst: boolean;
  readonly profile: Profiler;
  /** Language token id; null lets the model pick (multilingual models). */
  readonly languageId: number | null;
  readonly task: Task;
  /** The prompt's token ids (no special tokens), fed as previous text before start-of-transcript; empty for none. */
  readonly promptIds: readonly number[];
  /**
   * Text tokens the window's text is known to begin with: fed with the prompt in one call, not
   * decoded token by token, and timed with the rest (a live pass over an utterance whose start is committed).
   */
  readonly prefixIds?: readonly number[];
}

/** The language the model heard at start-of-transcript, and how sure it was among all languages. */
export interface DetectedLanguage {
  readonly id: number;
  readonly code: string;
  readonly probability: number;
}

export interface WindowResult {
  /** Detected when no language was given (multilingual models); null otherwise. */
  readonly language: DetectedLanguage | null;
  /** Times relative to the window. */
  readonly words: readonly Word[];
  readonly noSpeech: boolean;
  readonly temperature: number;
  readonly avgLogProb: number;
}

type Begun = DecodeStart<unknown, unknown> & { noSpeechProb: number; prompt: number[]; detected: DetectedLanguage | null };

/** The head (previous text, SOT) in a first call, read for no-speech and the language; the rest of the prompt after it. */
async function feedInTwo(d: SpeechDecoder, hidden: unknown, head: readonly number[], request: WindowRequest, alignment: Alignment): Promise<Begun> {
  const sot = await d.model.step([head], hidden, d.model.emptyCache(1), true, alignment);
  const atSot = logSoftmax(sot.rows[0]); // the last position fed: start-of-transcript
  const detected = request.languageId === null ? detectLanguage(atSot, d.tokens) : null;
  const rest = promptAfterLanguage(d.config, request.languageId ?? detected?.id ?? null, request.task);
  const next = await d.model.step([rest], hidden, sot.cache, false, alignment);
  const promptRows = [...sot.attention(0, head.length), ...next.attention(0, rest.length)];
  return { hidden, cache: next.cache, row: next.rows[0], promptRows, noSpeechProb: Math.exp(atSot[d.tokens.noSpeech]), prompt: [...head, ...rest], detected };
}

/**
 * Prompt and prefix in one first call, no-speech read at SOT's position. Not after the head: the
 * merged decoder's cache branch misreads many tokens fed at once after a past (jfk.wav's first 15
 * tokens fed so made it loop; in a first call, it went on right). The language is known by the
 * time a prefix exists (its words were decoded in that language).
 */
async function feedWhole(d: SpeechDecoder, hidden: unknown, head: readonly number[], request: WindowRequest & { languageId: number }, alignment: Alignment): Promise<Begun> {
  const prompt = [...head, ...promptAfterLanguage(d.config, request.languageId, request.task), ...(request.prefixIds ?? [])];
  const fed = await d.model.step([prompt], hidden, d.model.emptyCache(1), true, alignment);
  const atSot = logSoftmax(fed.rowsAt(head.length - 1)[0]);
  const promptRows = fed.attention(0, prompt.length);
  return { hidden, cache: fed.cache, row: fed.rows[0], promptRows, noSpeechProb: Math.exp(atSot[d.tokens.noSpeech]), prompt, detected: null };
}

/** Encode once; feed the prompt (and a prefix, if any), reading no-speech and (if not given) the language at start-of-transcript. */
async function begin(d: SpeechDecoder, samples: Float32Array, request: WindowRequest, alignment: Alignment): Promise<Begun> {
  const { profile, languageId } = request;
  const features = await profile.time('features', () => d.features(samples));
  const hidden = await profile.time('encoder', () => d.model.encode(features));
  const head = [...previousText(d.tokens, request.promptIds), d.tokens.sot];
  const whole = continues(request) && languageId !== null;
  return profile.time('prompt', () => (whole ? feedWhole(d, hidden, head, { ...request, languageId }, alignment) : feedInTwo(d, hidden, head, request, alignment)));
}

/** The most likely language token, with its probability among the language tokens only (as Whisper's detect_language). */
function detectLanguage(logProbs: Float32Array, tokens: WhisperTokens): DetectedLanguage | null {
  let best: number | null = null;
  for (const id of tokens.languages.keys()) if (best === null || logProbs[id] > logProbs[best]) best = id;
  if (best === null) return null;
  let sum = 0;
  for (const id of tokens.languages.keys()) sum += Math.exp(logProbs[id] - logProbs[best]);
  return Object.freeze({ id: best, code: tokens.languages.get(best)!, probability: 1 / sum });
}

async function judge(d: SpeechDecoder, beam: Generated, temperature: number): Promise<DecodeAttempt<Generated>> {
  const text = d.decodeText(beam.tokens);
  const bytes = new TextEncoder().encode(text);
  const ratio = compressionRatio(bytes.length, await d.compressedSize(bytes));
  const shortLoop = findLoop(text) !== null || endsInLoop(beam.tokens);
  return { result: beam, temperature, avgLogProb: averageLogProb(beam.logProb, beam.tokens.length), compressionRatio: ratio, shortLoop };
}

/** Word times from the alignment heads' cross-attention over the audio in the window, gathered while decoding; the prefix's words first. */
function wordsOf(d: SpeechDecoder, generated: Generated, start: Begun, request: WindowRequest, alignment: Alignment, seconds: number): Word[] {
  const prefix = request.prefixIds ?? [];
  const text = [...prefix, ...generated.tokens];
  if (text.length === 0 || !generated.alignment) return [];
  const starts = tokenStarts(headWeightsOf(generated.alignment, alignment), start.prompt.length - prefix.length);
  const logProbs = [...prefix.map(() => undefined), ...(generated.tokenLogProbs ?? [])];
  const timed = text.map((id, i) => ({ id, start: starts[i] ?? seconds, logProb: logProbs[i] }));
  return tokensToWords(timed, Math.min(seconds, starts[text.length] ?? seconds), d.decodeText);
}

/** Words up to where they start looping (the guard for what fallback could not fix). */
function withoutLoop(words: readonly Word[]): readonly Word[] {
  const cut = findLoop(words.map((w) => w.text).join(' '));
  return cut === null ? words : words.slice(0, cut);
}

/** What every decode of one window shares. */
interface WindowContext {
  readonly d: SpeechDecoder;
  readonly start: Begun;
  readonly request: WindowRequest;
  readonly alignment: Alignment;
  readonly random: () => number;
  readonly maxTokens: number;
}

const continues = (request: WindowRequest): boolean => (request.prefixIds?.length ?? 0) > 0;
const rulesOf = (request: WindowRequest): QualityRules => (continues(request) ? CONTINUATION_RULES : WHISPER_RULES);

function generate(w: WindowContext, beamSize: number, temperature: number, stopBelow?: number): Promise<Generated> {
  const options = { beamSize, temperature, random: w.random, maxTokens: w.maxTokens, profile: w.request.profile, stopBelow, alignment: w.alignment, continues: continues(w.request) };
  return generateTokens(w.d.model, w.start, w.d.tokens, options, w.start.prompt.length);
}

/** Beam search (or greedy) at temperature 0, falling back to rising temperatures when the text loops or the model is unsure. */
function decodeAt(w: WindowContext, beamSize: number): Promise<DecodeAttempt<Generated>> {
  const { profile } = w.request;
  return decodeWithFallback(
    (temperature) => {
      if (temperature > 0) profile.count('temperature fallbacks');
      const phase = temperature > 0 ? 'fallback decodes' : beamSize > 1 ? 'beam decodes' : 'greedy decodes';
      return profile.time(phase, async () => judge(w.d, await generate(w, beamSize, temperature), temperature));
    },
    (a) => isNoSpeech(w.start.noSpeechProb, a, rulesOf(w.request)),
    rulesOf(w.request),
  );
}

/** Greedy first; beams only for a window whose greedy text is unsure (greedy stops at the first guessed word). */
async function decodeGreedyFirst(w: WindowContext): Promise<DecodeAttempt<Generated>> {
  const { profile } = w.request;
  const generated = await profile.time('greedy decodes', () => generate(w, 1, 0, Math.log(UNSURE_RULES.tokenProb)));
  const greedy = generated.unsure ? null : await judge(w.d, generated, 0);
  if (greedy && !isUnsure(greedy, generated.tokenLogProbs ?? [], w.start.noSpeechProb)) return greedy;
  profile.count('unsure windows decoded again with beams');
  return decodeAt(w, w.request.beamSize);
}

/**
 * One window decoded like faster-whisper: beam search at temperature 0 (or greedy first, beams
 * where it is unsure), fallback to higher temperatures when the text loops or the model is
 * unsure, nothing when it hears no speech, and word times from cross-attention.
 */
export async function decodeSpeechWindow(d: SpeechDecoder, samples: Float32Array, request: WindowRequest, random: () => number): Promise<WindowResult> {
  const { profile } = request;
  profile.count('windows');
  const seconds = samples.length / SAMPLE_RATE;
  const alignment = alignmentOf(d.config.alignment_heads ?? [], Math.min(1500, Math.ceil(seconds / FRAME_SECONDS)));
  try {
    const start = await begin(d, samples, request, alignment);
    return await decodeFrom({ d, start, request, alignment, random, maxTokens: tokenBudget(seconds) }, seconds);
  } finally {
    d.model.keepOnly([]); // frees the window's caches on the GPU (WebGPU); a no-op on the CPU
  }
}

async function decodeFrom(w: WindowContext, seconds: number): Promise<WindowResult> {
  const { d, start, request, alignment } = w;
  const { profile } = request;
  const attempt = request.greedyFirst && request.beamSize > 1 ? await decodeGreedyFirst(w) : await decodeAt(w, request.beamSize);
  const base = { temperature: attempt.temperature, avgLogProb: attempt.avgLogProb, language: start.detected };
  if (isNoSpeech(start.noSpeechProb, attempt, rulesOf(request))) return { words: [], noSpeech: true, ...base };
  const words = await profile.time('word times', async () => wordsOf(d, attempt.result, start, request, alignment, seconds));
  return { words: withoutLoop(words), noSpeech: false, ...base };
}
