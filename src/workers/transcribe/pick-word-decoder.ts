import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { env, Tensor } from 'onnxruntime-web/webgpu';
import { NO_PROFILE, type Profiler } from '../../core/transcribe/decode-profile.ts';
import { LANGUAGE_CODES } from '../../core/transcribe/languages.ts';
import { seededRandom } from '../../core/util/seeded-random.ts';
import type { WordDecoder } from '../../core/transcribe/transcribe-audio.ts';
import { languageId } from '../../core/transcribe/whisper-prompt.ts';
import type { TranscribeRequest } from '../../core/transcribe/transcribe-protocol.ts';
import { decodeSpeechWindow, type SpeechDecoder } from '../../core/transcribe/decode-window.ts';
import { gpuRowGather } from './gpu-rows.ts';
import { pipelineWordDecoder } from './pipeline-word-decoder.ts';
import { speechDecoder } from './speech-decoder.ts';
import type { Device } from '../../core/transcribe/decode-options.ts';

/** Fast: greedy. Best: greedy, then beam 5 where the greedy text is unsure. Beam: beam 5 on every window. */
export const BEAMS = { fast: 1, best: 5, beam: 5 } as const;

/**
 * Our decoder over the loaded model. On WebGPU the decoder's cache stays on the GPU (the pipeline
 * asks for it there): beams are reordered on the device, and only logits and the alignment heads'
 * cross-attention are read back.
 */
async function ownDecoder(asr: AutomaticSpeechRecognitionPipeline, device: Device): Promise<SpeechDecoder | null> {
  if (device === 'wasm') return speechDecoder(asr, Tensor);
  // The device ONNX Runtime made for the model's sessions (it exists once a WebGPU session does).
  return speechDecoder(asr, Tensor, gpuRowGather(await env.webgpu.device, Tensor));
}

/** Beam search, temperature fallback, the no-speech guard and word times wherever our loop can drive the model; the stock pipeline otherwise. */
export async function wordDecoder(asr: AutomaticSpeechRecognitionPipeline, request: TranscribeRequest, device: Device, profile: Profiler = NO_PROFILE, onlanguage?: (code: string, probability: number) => void): Promise<WordDecoder> {
  const own = await ownDecoder(asr, device);
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
  return async (samples, prefix) => {
    // A prefix is fed with the language token; before the language is known the window is decoded whole.
    const prefixIds = prefix && options.languageId !== null ? own.encodeText(prefix) : [];
    const result = await decodeSpeechWindow(own, samples, { ...options, prefixIds }, seededRandom(samples.length));
    // As Whisper does: the language heard in the first window with speech is the whole file's.
    if (result.language && !result.noSpeech && options.languageId === null) {
      options = { ...options, languageId: result.language.id };
      onlanguage?.(result.language.code, result.language.probability);
    }
    return result.words;
  };
}
