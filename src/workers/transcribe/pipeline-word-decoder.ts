import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { Word } from '../../core/subtitles/cue.ts';
import { word } from '../../core/subtitles/cue.ts';
import type { WordDecoder } from '../../core/transcribe/transcribe-audio.ts';
import { spreadWords } from '../../core/transcribe/words.ts';
import type { Task } from '../../core/transcribe/decode-options.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

interface AsrChunk {
  timestamp: [number, number | null];
  text: string;
}

interface PipelineOptions {
  readonly multilingual: boolean;
  readonly language: string | null;
  readonly task: Task;
}

/**
 * A WordDecoder over the stock pipeline (greedy), for models our own decoder cannot drive
 * (e.g. on WebGPU, or exported without cross-attention): word timestamps where the model gives
 * them, else segment timestamps spread over the words.
 */
export function pipelineWordDecoder(asr: AutomaticSpeechRecognitionPipeline, options: PipelineOptions): WordDecoder {
  const languageTask = options.multilingual ? { task: options.task, ...(options.language ? { language: options.language } : {}) } : {};
  let wordTimes = true;
  const run = async (samples: Float32Array, timestamps: true | 'word'): Promise<AsrChunk[]> => {
    const output = (await asr(samples, { return_timestamps: timestamps, ...languageTask })) as { text: string; chunks?: AsrChunk[] };
    return output.chunks ?? [{ timestamp: [0, null], text: output.text }];
  };
  return async (samples) => {
    const seconds = samples.length / SAMPLE_RATE;
    if (wordTimes) {
      try {
        return (await run(samples, 'word')).map((c) => word(c.timestamp[0] ?? 0, c.timestamp[1] ?? seconds, c.text));
      } catch {
        wordTimes = false; // this model exports no cross-attention: segment times from now on
      }
    }
    return (await run(samples, true)).flatMap((c): Word[] => spreadWords(c.timestamp[0] ?? 0, c.timestamp[1] ?? seconds, c.text));
  };
}
