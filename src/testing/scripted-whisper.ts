import { deflateRawSync } from 'node:zlib';
import type { Alignment, AttentionRow } from '../core/transcribe/attention-trail.ts';
import type { SpeechDecoder } from '../core/transcribe/decode-window.ts';
import type { DecoderOutput, WhisperModel } from '../core/transcribe/whisper-model.ts';
import { whisperTokens, type WhisperGenerationConfig } from '../core/transcribe/whisper-prompt.ts';

/**
 * A tiny Whisper-shaped vocabulary: text tokens 0–19 (" w0" … " w19"; 19 is "," — no leading
 * space), then the special tokens, in Whisper's order where the decoder relies on it.
 */
export const T = Object.freeze({ eot: 20, sot: 21, en: 22, es: 23, transcribe: 24, translate: 25, startOfPrev: 26, noSpeech: 27, noTimestamps: 28, vocab: 30 });

const CONFIG: WhisperGenerationConfig = Object.freeze({
  decoder_start_token_id: T.sot,
  eos_token_id: T.eot,
  no_timestamps_token_id: T.noTimestamps,
  is_multilingual: true,
  lang_to_id: { '<|en|>': T.en, '<|es|>': T.es },
  task_to_id: { transcribe: T.transcribe, translate: T.translate },
  alignment_heads: [[0, 0] as const],
});

/** What the model says after a sequence (everything fed so far): token → probability (the rest share what is left). */
export type Script = (sequence: readonly number[]) => ReadonlyMap<number, number>;

type Cache = { readonly seqs: readonly (readonly number[])[] };

function logits(probs: ReadonlyMap<number, number>): Float32Array {
  const given = [...probs.values()].reduce((a, b) => a + b, 0);
  const rest = Math.max(1e-9, (1 - given) / (T.vocab - probs.size));
  return Float32Array.from({ length: T.vocab }, (_, id) => Math.log(probs.get(id) ?? rest));
}

/** Position p of a sequence attends around frame 10·p (0.2 s a token): word times rise with the text. */
const attentionRow = (position: number, alignment: Alignment): AttentionRow => {
  const row = new Float32Array(alignment.heads.length * alignment.frames);
  const at = Math.min(alignment.frames - 1, 10 * position);
  for (let h = 0; h < alignment.heads.length; h++) for (let f = 0; f < alignment.frames; f++) row[h * alignment.frames + f] = 0.01 + Math.exp(-((f - at) ** 2) / 8);
  return row;
};

/** A scripted model: every decoder call is recorded (`calls`: the ids fed, by row). */
export function scriptedWhisper(script: Script): { decoder: SpeechDecoder<Float32Array, number, Cache>; calls: (readonly (readonly number[])[])[] } {
  const calls: (readonly (readonly number[])[])[] = [];
  const model: WhisperModel<Float32Array, number, Cache> = {
    encode: async (features) => features.length,
    emptyCache: (batch) => ({ seqs: Array.from({ length: batch }, () => []) }),
    async step(ids, _hidden, cache, first, alignment): Promise<DecoderOutput<Cache>> {
      calls.push(ids);
      const seqs = ids.map((row, b) => [...(first ? [] : cache.seqs[b]), ...row]);
      const before = seqs[0].length - ids[0].length;
      return {
        rows: seqs.map((seq) => logits(script(seq))),
        rowsAt: (position) => seqs.map((seq) => logits(script(seq.slice(0, before + position + 1)))),
        cache: { seqs },
        attention: (b, count) => (alignment ? Array.from({ length: count }, (_, i) => attentionRow(seqs[b].length - count + i, alignment)) : []),
      };
    },
    reorder: (cache, sources) => ({ seqs: sources.map((s) => cache.seqs[s]) }),
    rowOf: (cache, row) => ({ seqs: [cache.seqs[row]] }),
    keepOnly: () => undefined,
  };
  const text = (id: number): string => (id === 19 ? ',' : id < 19 ? ` w${id}` : '');
  const decoder: SpeechDecoder<Float32Array, number, Cache> = {
    model,
    config: CONFIG,
    tokens: whisperTokens(CONFIG, T.vocab),
    features: async (samples) => samples,
    decodeText: (ids) => ids.map(text).join(''),
    encodeText: (s) => s.trim().split(/\s+/).map((w) => Number(w.replace('w', ''))),
    compressedSize: async (bytes) => deflateRawSync(bytes).length,
  };
  return { decoder, calls };
}

/** The text part of a sequence: what follows the last no-timestamps token. */
export const textOf = (seq: readonly number[]): number[] => seq.slice(seq.lastIndexOf(T.noTimestamps) + 1);

/** A script that says `text` then end-of-text, each token with probability `p`; `atSot` what it says right after SOT. */
export function saying(text: readonly number[], p = 0.9, atSot: ReadonlyMap<number, number> = new Map([[T.en, 0.9]])): Script {
  return (seq) => {
    if (seq.at(-1) === T.sot) return atSot;
    if (!seq.includes(T.noTimestamps)) return new Map([[T.noTimestamps, 0.99]]);
    const said = textOf(seq);
    const next = said.length < text.length ? text[said.length] : T.eot;
    return new Map([[next, p]]);
  };
}
