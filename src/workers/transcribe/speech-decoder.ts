import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-web/webgpu';
import { whisperTokens, type WhisperGenerationConfig } from '../../core/transcribe/whisper-prompt.ts';
import type { SpeechDecoder } from '../../core/transcribe/decode-window.ts';
import type { RowGather } from './gpu-rows.ts';
import { WhisperSessions, type Cache, type TensorClass } from './whisper-sessions.ts';
import { windowFeatures, type WhisperFeatureExtractor } from './window-features.ts';

/** The pipeline's pieces this worker reads (the typings do not expose sessions and configs). */
interface PipelineParts {
  readonly model: {
    readonly sessions: Readonly<Record<string, InferenceSession>>;
    readonly generation_config: WhisperGenerationConfig | null;
    readonly config: { readonly vocab_size: number };
  };
  readonly processor: ((audio: Float32Array) => Promise<{ input_features: { ort_tensor: InstanceType<TensorClass> } }>) & { readonly feature_extractor?: WhisperFeatureExtractor };
  readonly tokenizer: {
    decode(ids: number[], options: { skip_special_tokens: boolean }): string;
    encode(text: string, options: { add_special_tokens: boolean }): number[];
  };
}

/** Deflated size, the way Whisper measures how repetitive a text is (zlib there, deflate here). */
async function deflatedSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/**
 * Our own decoder over a loaded pipeline's model, or null when the model cannot be driven
 * directly (no cross-attention outputs, non-float32 logits, no alignment heads): those use the pipeline.
 */
export function speechDecoder(asr: AutomaticSpeechRecognitionPipeline, Tensor: TensorClass, gpuGather: RowGather | null = null): SpeechDecoder<InstanceType<TensorClass>, InstanceType<TensorClass>, Cache> | null {
  const parts = asr as unknown as PipelineParts;
  const { model } = parts;
  const encoder = model.sessions.model;
  const decoder = model.sessions.decoder_model_merged;
  const config = model.generation_config;
  if (!encoder || !decoder || !config?.alignment_heads?.length) return null;
  const sessions = new WhisperSessions(encoder, decoder, Tensor, gpuGather);
  if (!sessions.drivable) return null;
  return {
    model: sessions,
    config,
    tokens: whisperTokens(config, model.config.vocab_size),
    features: async (samples) => {
      const extractor = parts.processor.feature_extractor;
      const short = extractor ? await windowFeatures(extractor, samples, Tensor) : null;
      return short ?? (await parts.processor(samples)).input_features.ort_tensor;
    },
    // The tokenizer refuses no ids; a continuation of a forced prefix may be nothing.
    decodeText: (ids) => (ids.length === 0 ? '' : parts.tokenizer.decode([...ids], { skip_special_tokens: true })),
    encodeText: (text) => parts.tokenizer.encode(text, { add_special_tokens: false }),
    compressedSize: deflatedSize,
  };
}
