import type { Tensor } from 'onnxruntime-web/webgpu';
import { beamStep, bestBeam, logSoftmax, sampleToken, type Beam, type BeamStep } from '../../core/transcribe/beam-search.ts';
import { endsInLoop } from '../../core/transcribe/repetition.ts';
import type { Profiler } from '../../core/transcribe/decode-profile.ts';
import type { WhisperTokens } from '../../core/transcribe/whisper-prompt.ts';
import type { Cache, WhisperSessions } from './whisper-sessions.ts';

/** Where decoding starts: logits for the first text token, and the cache and encoder output for one row. */
export interface DecodeStart {
  readonly hidden: Tensor;
  readonly cache: Cache;
  readonly row: Float32Array;
}

export interface GenerateOptions {
  /** Tokens this window may take, prompt included (see tokenBudget). */
  readonly maxTokens: number;
  readonly beamSize: number;
  readonly temperature: number;
  readonly random: () => number;
  readonly profile: Profiler;
}

function suppressed(row: Float32Array, tokens: WhisperTokens, first: boolean): Float32Array {
  const out = row.slice();
  for (const id of tokens.suppress) out[id] = -Infinity;
  if (first) for (const id of tokens.beginSuppress) out[id] = -Infinity;
  return out;
}

const inOrder = (sources: readonly number[], batch: number): boolean => sources.length === batch && sources.every((s, i) => s === i);

/**
 * The cache and encoder output for `sources` rows; the encoder parts are equal in every row, so
 * only their count matters. Rows already in order are not copied: greedy decoding never copies.
 */
function reorder(sessions: WhisperSessions, cache: Cache, hidden: Tensor, sources: readonly number[], batch: number): { cache: Cache; hidden: Tensor } {
  if (inOrder(sources, batch)) return { cache, hidden };
  const resized = sources.length !== batch;
  const same = sources.map(() => 0);
  const next: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(cache)) {
    if (!name.includes('.encoder.')) next[name] = sessions.gather(tensor, sources);
    else next[name] = resized ? sessions.gather(tensor, same) : tensor;
  }
  return { cache: next, hidden: resized ? sessions.gather(hidden, same) : hidden };
}

/** One step's choice: beams by likelihood at temperature 0, one sampled hypothesis above it. */
function choose(beams: readonly Beam[], rows: readonly Float32Array[], tokens: WhisperTokens, options: GenerateOptions, first: boolean) {
  const allowed = rows.map((r) => suppressed(r, tokens, first));
  const logProbs = allowed.map((r) => logSoftmax(r));
  if (options.temperature === 0) return beamStep(beams, logProbs, options.beamSize, tokens.eot, first);
  const token = sampleToken(logSoftmax(allowed[0], options.temperature), options.random());
  const grown = Object.freeze({ tokens: [...beams[0].tokens, token], logProb: beams[0].logProb + logProbs[0][token], tokenLogProbs: [...(beams[0].tokenLogProbs ?? []), logProbs[0][token]] });
  return token === tokens.eot ? { alive: [], finished: [grown] } : { alive: [{ ...grown, source: 0 }], finished: [] };
}

/** Hypotheses that ended in a loop stop here, as if finished: their text will fail the compression check. */
function looping(step: BeamStep): BeamStep {
  const loops = step.alive.filter((b) => endsInLoop(b.tokens));
  if (loops.length === 0) return step;
  return { alive: step.alive.filter((b) => !loops.includes(b)), finished: [...step.finished, ...loops.map((b) => ({ tokens: b.tokens, logProb: b.logProb, tokenLogProbs: b.tokenLogProbs }))] };
}

/**
 * Text tokens for one window, with the sum of their log-probabilities (end-of-text included):
 * beam search at temperature 0, sampling above it, the model's cache reordered along with the beams.
 */
export async function generateTokens(sessions: WhisperSessions, start: DecodeStart, tokens: WhisperTokens, options: GenerateOptions, promptLength: number): Promise<Beam> {
  let beams: Beam[] = [{ tokens: [], logProb: 0 }];
  let [cache, hidden, rows, batch] = [start.cache, start.hidden, [start.row], 1];
  const finished: Beam[] = [];
  for (let length = 0; length + promptLength < options.maxTokens; length++) {
    const step = looping(choose(beams, rows, tokens, options, length === 0));
    finished.push(...step.finished);
    const target = options.temperature === 0 ? options.beamSize : 1;
    if (finished.length >= target || step.alive.length === 0) break;
    ({ cache, hidden } = reorder(sessions, cache, hidden, step.alive.map((b) => b.source), batch));
    batch = step.alive.length;
    beams = step.alive.map((b) => ({ tokens: b.tokens, logProb: b.logProb, tokenLogProbs: b.tokenLogProbs }));
    options.profile.count('decoder steps');
    options.profile.count('decoder rows', batch);
    ({ rows, cache } = await options.profile.time('decoder calls', () => sessions.step(beams.map((b) => [b.tokens.at(-1)!]), hidden, cache, false)));
  }
  const best = bestBeam(finished.length > 0 ? finished : beams)!;
  const ended = best.tokens.at(-1) === tokens.eot;
  const text = ended ? best.tokens.slice(0, -1) : best.tokens;
  const tokenLogProbs = (best.tokenLogProbs ?? []).slice(0, text.length);
  return Object.freeze({ tokens: text, logProb: best.logProb, tokenLogProbs });
}
