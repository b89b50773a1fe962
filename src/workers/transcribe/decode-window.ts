import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { WindowDecoder } from '../../core/transcribe/transcribe-audio.ts';
import type { Task } from '../../core/transcribe-protocol.ts';

interface AsrChunk {
  timestamp: [number, number | null];
  text: string;
}

/** A WindowDecoder over the pipeline: timestamps on, language and task only for multilingual models. */
export function windowDecoder(asr: AutomaticSpeechRecognitionPipeline, options: { multilingual: boolean; language: string | null; task: Task }): WindowDecoder {
  return async (samples, strict) => {
    const output = (await asr(samples, {
      return_timestamps: true,
      ...(options.multilingual ? { task: options.task, ...(options.language ? { language: options.language } : {}) } : {}),
      ...(strict ? { no_repeat_ngram_size: 3, repetition_penalty: 1.2 } : {}),
    })) as { text: string; chunks?: AsrChunk[] };
    const chunks = output.chunks ?? [{ timestamp: [0, null], text: output.text }];
    return chunks.map((c) => ({ start: c.timestamp[0] ?? 0, end: c.timestamp[1], text: c.text }));
  };
}
