import { beamStep, bestBeam, logSoftmax, sampleToken, type Beam, type BeamStep } from './beam-search.ts';
import { endsInLoop } from './repetition.ts';
import type { Profiler } from './decode-profile.ts';
import type { WhisperTokens } from './whisper-prompt.ts';
import { extend, trailRows, type Alignment, type AttentionRow, type Trail } from './attention-trail.ts';
import type { WhisperModel } from './whisper-model.ts';

/** Where decoding starts: logits for the first text token, and the cache and encoder output for one row. */
export interface DecodeStart<Hidden, Cache> {
  readonly hidden: Hidden;
  readonly cache: Cache;
  readonly row: Float32Array;
  /** Cross-attention of the prompt's positions, when word times are gathered while decoding. */
  readonly promptRows?: readonly AttentionRow[];
}

export interface GenerateOptions {
  /** Tokens this window may take, prompt included (see tokenBudget). */
  readonly maxTokens: number;
  readonly beamSize: number;
  readonly temperature: number;
  readonly random: () => number;
  readonly profile: Profiler;
  /** Greedy only: stop as soon as a token is less likely than this (a log-probability); the result is then `unsure`. */
  readonly stopBelow?: number;
  /** Gather the alignment heads' cross-attention while decoding, for word times. */
  readonly alignment?: Alignment;
  /** The prompt ended in text (a forced prefix): the first token generated is not the text's first, so it may end it. */
  readonly continues?: boolean;
}

/**
 * A window's text; `unsure`: greedy decoding stopped at a guess (`stopBelow`), so the text is
 * incomplete; `alignment`: the cross-attention rows of prompt, text and end-of-text, when asked for.
 */
export type Generated = Beam & { readonly unsure?: boolean; readonly alignment?: readonly AttentionRow[] };

function suppressed(row: Float32Array, tokens: WhisperTokens, first: boolean): Float32Array {
  const out = row.slice();
  for (const id of tokens.suppress) out[id] = -Infinity;
  if (first) for (const id of tokens.beginSuppress) out[id] = -Infinity;
  return out;
}

/** One step's choice: beams by likelihood at temperature 0, one sampled hypothesis above it. */
function choose(beams: readonly Beam[], rows: readonly Float32Array[], tokens: WhisperTokens, options: GenerateOptions, first: boolean): BeamStep {
  const allowed = rows.map((r) => suppressed(r, tokens, first));
  const logProbs = allowed.map((r) => logSoftmax(r));
  if (options.temperature === 0) return beamStep(beams, logProbs, options.beamSize, tokens.eot, first);
  const token = sampleToken(logSoftmax(allowed[0], options.temperature), options.random());
  const grown = Object.freeze({ tokens: [...beams[0].tokens, token], logProb: beams[0].logProb + logProbs[0][token], tokenLogProbs: [...(beams[0].tokenLogProbs ?? []), logProbs[0][token]] });
  return token === tokens.eot ? { alive: [], finished: [{ ...grown, source: 0 }] } : { alive: [{ ...grown, source: 0 }], finished: [] };
}

/** Hypotheses that ended in a loop stop here, as if finished: their text will fail the compression check. */
function looping(step: BeamStep): BeamStep {
  const loops = step.alive.filter((b) => endsInLoop(b.tokens));
  if (loops.length === 0) return step;
  return { alive: step.alive.filter((b) => !loops.includes(b)), finished: [...step.finished, ...loops] };
}

/** Greedy decoding just chose a token it was unsure of: no use going on (beam search will redo the window). */
function guessed(step: BeamStep, options: GenerateOptions): boolean {
  if (options.stopBelow === undefined || step.alive.length === 0) return false;
  return (step.alive[0].tokenLogProbs?.at(-1) ?? 0) < options.stopBelow;
}

/** Where a hypothesis ended: the cache row that holds it, how many of its tokens were fed, and its attention so far. */
interface End<Cache> {
  readonly cache: Cache;
  readonly row: number;
  readonly fed: number;
  readonly trail: Trail | null;
}

/** The hypotheses of one window as they grow: tokens, cache rows, and (with an alignment) each one's cross-attention. */
class Hypotheses<Hidden, Cache> {
  beams: Beam[] = [{ tokens: [], logProb: 0 }];
  trails: (Trail | null)[] = [null];
  cache: Cache;
  rows: Float32Array[];
  readonly ends = new Map<Beam, End<Cache>>();

  constructor(start: DecodeStart<Hidden, Cache>) {
    [this.cache, this.rows] = [start.cache, [start.row]];
  }

  /** Remember where each finished hypothesis stands, before the cache moves on. */
  finish(step: BeamStep): void {
    for (const f of step.finished) this.ends.set(f, { cache: this.cache, row: f.source, fed: this.beams[f.source].tokens.length, trail: this.trails[f.source] });
  }

  /** Feed each live hypothesis its newest token. */
  async grow(model: WhisperModel<unknown, Hidden, Cache>, start: DecodeStart<Hidden, Cache>, step: BeamStep, options: GenerateOptions): Promise<void> {
    this.cache = model.reorder(this.cache, step.alive.map((b) => b.source), this.beams.length);
    this.trails = step.alive.map((b) => this.trails[b.source]);
    this.beams = step.alive.map((b) => ({ tokens: b.tokens, logProb: b.logProb, tokenLogProbs: b.tokenLogProbs }));
    options.profile.count('decoder steps');
    options.profile.count('decoder rows', this.beams.length);
    const out = await options.profile.time('decoder calls', () => model.step(this.beams.map((b) => [b.tokens.at(-1)!]), start.hidden, this.cache, false, options.alignment));
    [this.rows, this.cache] = [out.rows, out.cache];
    model.keepOnly([start.cache, this.cache, ...[...this.ends.values()].map((e) => e.cache)]);
    if (options.alignment) this.trails = this.trails.map((t, b) => extend(t, out.attention(b, 1)));
  }

  /** Live hypotheses when the budget ran out end where they stand. */
  endAlive(): void {
    this.beams.forEach((b, i) => this.ends.set(b, { cache: this.cache, row: i, fed: b.tokens.length, trail: this.trails[i] }));
  }
}

/**
 * The cross-attention of every position of a window's text (prompt, text, end-of-text): the rows
 * gathered while decoding, plus one call that feeds what the chosen hypothesis never fed.
 */
async function alignmentRows<Hidden, Cache>(model: WhisperModel<unknown, Hidden, Cache>, start: DecodeStart<Hidden, Cache>, end: End<Cache>, text: readonly number[], eot: number, alignment: Alignment): Promise<AttentionRow[]> {
  const feed = [...text.slice(end.fed), eot];
  const cache = model.rowOf(end.cache, end.row, start.cache);
  const out = await model.step([feed], start.hidden, cache, false, alignment);
  return [...(start.promptRows ?? []), ...trailRows(end.trail), ...out.attention(0, feed.length)];
}

/**
 * Text tokens for one window, with the sum of their log-probabilities (end-of-text included):
 * beam search at temperature 0, sampling above it, the model's cache reordered along with the beams.
 * With an alignment, the cross-attention of every position comes along (word times need no second pass).
 */
export async function generateTokens<Hidden, Cache>(model: WhisperModel<unknown, Hidden, Cache>, start: DecodeStart<Hidden, Cache>, tokens: WhisperTokens, options: GenerateOptions, promptLength: number): Promise<Generated> {
  const h = new Hypotheses(start);
  const finished: Beam[] = [];
  for (let length = 0; length + promptLength < options.maxTokens; length++) {
    const step = looping(choose(h.beams, h.rows, tokens, options, length === 0 && !options.continues));
    h.finish(step);
    finished.push(...step.finished);
    const target = options.temperature === 0 ? options.beamSize : 1;
    // Ended first: greedy's runner-up to end-of-text is always unlikely, and is no guess of the text.
    if (finished.length >= target || step.alive.length === 0) break;
    if (guessed(step, options)) return Object.freeze({ ...step.alive[0], unsure: true });
    await h.grow(model, start, step, options);
  }
  if (finished.length === 0) h.endAlive();
  const best = bestBeam(finished.length > 0 ? finished : h.beams)!;
  const ended = best.tokens.at(-1) === tokens.eot;
  const text = ended ? best.tokens.slice(0, -1) : best.tokens;
  const tokenLogProbs = (best.tokenLogProbs ?? []).slice(0, text.length);
  const end = h.ends.get(best);
  const alignment = options.alignment && end ? await options.profile.time('word times', () => alignmentRows(model, start, end, text, tokens.eot, options.alignment!)) : undefined;
  return Object.freeze({ tokens: text, logProb: best.logProb, tokenLogProbs, alignment });
}
