import type { HeadWeights } from './token-alignment.ts';

/** Which cross-attention heads time words (the model's alignment heads), and how many frames of the window hold audio. */
export interface Alignment {
  readonly heads: readonly (readonly [number, number])[];
  /** The distinct layers of `heads`: the outputs a decoder call fetches, in this order. */
  readonly layers: readonly number[];
  readonly frames: number;
}

/** One token position's cross-attention: `frames` weights for each alignment head, head after head. */
export type AttentionRow = Float32Array;

/** The rows of one hypothesis, newest first, shared with the hypotheses it grew from (no copies as beams branch). */
export interface Trail {
  readonly row: AttentionRow;
  readonly before: Trail | null;
}

export function alignmentOf(heads: readonly (readonly [number, number])[], frames: number): Alignment {
  return Object.freeze({ heads, layers: [...new Set(heads.map(([layer]) => layer))], frames });
}

export const extend = (trail: Trail | null, rows: readonly AttentionRow[]): Trail | null => rows.reduce<Trail | null>((before, row) => ({ row, before }), trail);

/** A trail's rows, oldest first. */
export function trailRows(trail: Trail | null): AttentionRow[] {
  const rows: AttentionRow[] = [];
  for (let at = trail; at; at = at.before) rows.push(at.row);
  return rows.reverse();
}

/** Rows of token positions as one tokens × frames matrix per alignment head, for dynamic time warping. */
export function headWeightsOf(rows: readonly AttentionRow[], alignment: Alignment): HeadWeights[] {
  const { frames } = alignment;
  return alignment.heads.map((_, h) => {
    const data = new Float32Array(rows.length * frames);
    rows.forEach((row, t) => data.set(row.subarray(h * frames, (h + 1) * frames), t * frames));
    return { data, tokens: rows.length, frames };
  });
}
