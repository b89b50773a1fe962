import type { Tensor } from 'onnxruntime-web/webgpu';
import type { Word } from '../../core/subtitles/segment.ts';
import { logSoftmax, type Beam } from '../../core/transcribe/beam-search.ts';
import { averageLogProb, compressionRatio, decodeWithFallback, isNoSpeech, tokenBudget, type DecodeAttempt } from '../../core/transcribe/decode-quality.ts';
import type { Profiler } from '../../core/transcribe/decode-profile.ts';
import { endsInLoop, findLoop } from '../../core/transcribe/repetition.ts';
import { isUnsure } from '../../core/transcribe/unsure.ts';
import { FRAME_SECONDS, tokenStarts, type HeadWeights } from '../../core/transcribe/token-alignment.ts';
import { promptAfterLanguage, type WhisperGenerationConfig, type WhisperTokens } from '../../core/transcribe/whisper-prompt.ts';
import { SAMPLE_RATE } from '../../core/transcribe/windows.ts';
import { tokensToWords } from '../../core/transcribe/words.ts';
import type { Task } from '../../core/transcribe-protocol.ts';
import { generateTokens, type DecodeStart } from './generate-tokens.ts';
import type { WhisperSessions } from './whisper-sessions.ts';

export interface SpeechDecoder {
  readonly sessions: WhisperSessions;
  readonly config: WhisperGenerationConfig;
  readonly tokens: WhisperTokens;
  /** Log-mel features of ≤ 30 s of 16 kHz audio, padded to 30 s. */
  features(samples: Float32Array): Promise<Tensor>;
  decodeText(ids: readonly number[]): string;
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
}

export interface WindowResult {
  /** Times relative to the window. */
  readonly words: readonly Word[];
  readonly noSpeech: boolean;
  readonly temperature: number;
  readonly avgLogProb: number;
}

/** Encode once; read the no-speech probability and (if not given) the language at start-of-transcript; feed the rest of the prompt. */
async function begin(d: SpeechDecoder, samples: Float32Array, request: WindowRequest): Promise<DecodeStart & { noSpeechProb: number; prompt: number[] }> {
  const { profile } = request;
  const features = await profile.time('features', () => d.features(samples));
  const hidden = await profile.time('encoder', () => d.sessions.encode(features));
  const sot = await profile.time('prompt', () => d.sessions.step([[d.tokens.sot]], hidden, d.sessions.emptyCache(1), true));
  const atSot = logSoftmax(sot.firstRows[0]);
  const language = request.languageId ?? pickLanguage(atSot, d.tokens);
  const rest = promptAfterLanguage(d.config, language, request.task);
  const next = await profile.time('prompt', () => d.sessions.step([rest], hidden, sot.cache, false));
  return { hidden, cache: next.cache, row: next.rows[0], noSpeechProb: Math.exp(atSot[d.tokens.noSpeech]), prompt: [d.tokens.sot, ...rest] };
}

function pickLanguage(logProbs: Float32Array, tokens: WhisperTokens): number | null {
  let best: number | null = null;
  for (const id of tokens.languages.keys()) if (best === null || logProbs[id] > logProbs[best]) best = id;
  return best;
}

async function judge(d: SpeechDecoder, beam: Beam, temperature: number): Promise<DecodeAttempt<Beam>> {
  const text = d.decodeText(beam.tokens);
  const bytes = new TextEncoder().encode(text);
  const ratio = compressionRatio(bytes.length, await d.compressedSize(bytes));
  const shortLoop = findLoop(text) !== null || endsInLoop(beam.tokens);
  return { result: beam, temperature, avgLogProb: averageLogProb(beam.logProb, beam.tokens.length), compressionRatio: ratio, shortLoop };
}

/** Word times from the alignment heads' cross-attention over the audio actually in the window. */
async function wordsOf(d: SpeechDecoder, start: DecodeStart, prompt: readonly number[], text: readonly number[], seconds: number): Promise<Word[]> {
  if (text.length === 0) return [];
  const heads = d.config.alignment_heads ?? [];
  const layers = [...new Set(heads.map(([layer]) => layer))];
  const attention = await d.sessions.crossAttention([...prompt, ...text, d.tokens.eot], start.hidden, layers);
  const frames = Math.min(1500, Math.ceil(seconds / FRAME_SECONDS));
  const weights = heads.map(([layer, head]) => headWeights(attention[layers.indexOf(layer)], head, frames));
  const starts = tokenStarts(weights, prompt.length);
  const timed = text.map((id, i) => ({ id, start: starts[i] ?? seconds }));
  return tokensToWords(timed, Math.min(seconds, starts[text.length] ?? seconds), d.decodeText);
}

/** One head of a [1, heads, tokens, 1500] attention tensor, cut to the frames that hold audio. */
function headWeights(attention: Tensor, head: number, frames: number): HeadWeights {
  const [, , tokens, all] = attention.dims;
  const data = attention.data as Float32Array;
  const out = new Float32Array(tokens * frames);
  for (let t = 0; t < tokens; t++) out.set(data.subarray((head * tokens + t) * all, (head * tokens + t) * all + frames), t * frames);
  return { data: out, tokens, frames };
}

/** Words up to where they start looping (the guard for what fallback could not fix). */
function withoutLoop(words: readonly Word[]): readonly Word[] {
  const cut = findLoop(words.map((w) => w.text).join(' '));
  return cut === null ? words : words.slice(0, cut);
}

type Start = Awaited<ReturnType<typeof begin>>;

/** Beam search (or greedy) at temperature 0, falling back to rising temperatures when the text loops or the model is unsure. */
function decodeAt(d: SpeechDecoder, start: Start, request: WindowRequest, beamSize: number, random: () => number, maxTokens: number): Promise<DecodeAttempt<Beam>> {
  const { profile } = request;
  return decodeWithFallback(
    (temperature) => {
      if (temperature > 0) profile.count('temperature fallbacks');
      const phase = temperature > 0 ? 'fallback decodes' : beamSize > 1 ? 'beam decodes' : 'greedy decodes';
      return profile.time(phase, async () => judge(d, await generateTokens(d.sessions, start, d.tokens, { beamSize, temperature, random, maxTokens, profile }, start.prompt.length), temperature));
    },
    (a) => isNoSpeech(start.noSpeechProb, a),
  );
}

/** Greedy first; beams only for a window whose greedy text is unsure. */
async function decodeGreedyFirst(d: SpeechDecoder, start: Start, request: WindowRequest, random: () => number, maxTokens: number): Promise<DecodeAttempt<Beam>> {
  const { profile } = request;
  const greedy = await profile.time('greedy decodes', async () => judge(d, await generateTokens(d.sessions, start, d.tokens, { beamSize: 1, temperature: 0, random, maxTokens, profile }, start.prompt.length), 0));
  if (!isUnsure(greedy, greedy.result.tokenLogProbs ?? [], start.noSpeechProb)) return greedy;
  profile.count('unsure windows decoded again with beams');
  return decodeAt(d, start, request, request.beamSize, random, maxTokens);
}

/**
 * One window decoded like faster-whisper: beam search at temperature 0 (or greedy first, beams
 * where it is unsure), fallback to higher temperatures when the text loops or the model is
 * unsure, nothing when it hears no speech, and word times from cross-attention.
 */
export async function decodeSpeechWindow(d: SpeechDecoder, samples: Float32Array, request: WindowRequest, random: () => number): Promise<WindowResult> {
  const { profile } = request;
  profile.count('windows');
  const start = await begin(d, samples, request);
  const maxTokens = tokenBudget(samples.length / SAMPLE_RATE);
  const attempt = request.greedyFirst && request.beamSize > 1 ? await decodeGreedyFirst(d, start, request, random, maxTokens) : await decodeAt(d, start, request, request.beamSize, random, maxTokens);
  const base = { temperature: attempt.temperature, avgLogProb: attempt.avgLogProb };
  if (isNoSpeech(start.noSpeechProb, attempt)) return { words: [], noSpeech: true, ...base };
  const words = await profile.time('word times', () => wordsOf(d, start, start.prompt, attempt.result.tokens, samples.length / SAMPLE_RATE));
  return { words: withoutLoop(words), noSpeech: false, ...base };
}
