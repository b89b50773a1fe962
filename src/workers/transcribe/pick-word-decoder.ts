import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { Tensor } from 'onnxruntime-web/webgpu';
import { NO_PROFILE, type Profiler } from '../../core/transcribe/decode-profile.ts';
import { LANGUAGE_CODES } from '../../core/transcribe/languages.ts';
import { seededRandom } from '../../core/util/seeded-random.ts';
import type { WordDecoder } from '../../core/transcribe/transcribe-audio.ts';
import { languageId } from '../../core/transcribe/whisper-prompt.ts';
import type { Device, TranscribeRequest } from '../../core/transcribe-protocol.ts';
import { decodeSpeechWindow } from './decode-speech-window.ts';
import { pipelineWordDecoder } from './pipeline-word-decoder.ts';
import { speechDecoder } from './speech-decoder.ts';

/** Fast: greedy. Best: greedy, then beam 5 where the greedy text is unsure. Beam: beam 5 on every window. */
export const BEAMS = { fast: 1, best: 5, beam: 5 } as const;

/**
 * Our decoder (beam search, temperature fallback, no-speech guard, word times) wherever it can
 * drive the model; the stock pipeline otherwise. On WebGPU the model's tensors may live on the
 * GPU, which our loop does not read, so WebGPU uses the pipeline.
 */
export function wordDecoder(asr: AutomaticSpeechRecognitionPipeline, request: TranscribeRequest, device: Device, profile: Profiler = NO_PROFILE, onlanguage?: (code: string, probability: number) => void): WordDecoder {
  const own = device === 'wasm' ? speechDecoder(asr, Tensor) : null;
  if (!own) return pipelineWordDecoder(asr, request);
  let options = {
    beamSize: BEAMS[request.quality],
    greedyFirst: request.quality === 'best',
    profile,
    languageId: request.multilingual && request.language ? languageId(own.config, request.language, LANGUAGE_CODES) : null,
    task: request.task,
    // A leading space, as Whisper encodes its initial prompt: the first word is a word, not a piece.
    promptIds: request.prompt?.trim() ? own.encodeText(` ${request.prompt.trim()}`) : [],
  };
  // Seeded per window: the same media gives the same transcript, sampled fallbacks included.
  return async (samples) => {
    const result = await decodeSpeechWindow(own, samples, options, seededRandom(samples.length));
    // As Whisper does: the language heard in the first window with speech is the whole file's.
    if (result.language && !result.noSpeech && options.languageId === null) {
      options = { ...options, languageId: result.language.id };
      onlanguage?.(result.language.code, result.language.probability);
    }
    return result.words;
  };
}
