import type { Alignment, AttentionRow } from './attention-trail.ts';

/** What one decoder call gives back. */
export interface DecoderOutput<Cache> {
  /** Per batch row: the logits of the last position fed. */
  readonly rows: Float32Array[];
  /** Per batch row: the logits of one of the positions fed. */
  readonly rowsAt: (position: number) => Float32Array[];
  readonly cache: Cache;
  /** The alignment heads' cross-attention of batch row `batch` for the last `count` positions fed (none when the call had no alignment). */
  readonly attention: (batch: number, count: number) => AttentionRow[];
}

/**
 * Whisper's encoder and merged decoder (with its key/value cache) as the decode loop drives them:
 * over ONNX Runtime sessions in the transcription worker (`workers/transcribe/whisper-sessions.ts`),
 * over a scripted model in specs. `Features`, `Hidden` and `Cache` are the runtime's own values;
 * the loop only passes them back.
 */
export interface WhisperModel<Features, Hidden, Cache> {
  encode(features: Features): Promise<Hidden>;
  /** A cache with no past for `batch` rows: the first call takes the no-cache branch. */
  emptyCache(batch: number): Cache;
  /** One decoder call: `ids` rows of equal length, fed after what the cache holds (`first`: it holds nothing). */
  step(ids: readonly (readonly number[])[], hidden: Hidden, cache: Cache, first: boolean, alignment?: Alignment): Promise<DecoderOutput<Cache>>;
  /** The cache for `sources` rows (beams reordered, or a batch resized); rows already in order come back untouched. */
  reorder(cache: Cache, sources: readonly number[], batch: number): Cache;
  /** One row of a cache as a batch of one; its encoder part from `encoderOf`. */
  rowOf(cache: Cache, row: number, encoderOf: Cache): Cache;
  /** Frees every cache the runtime holds apart from these (the GPU's memory); a no-op where nothing needs freeing. */
  keepOnly(kept: readonly Cache[]): void;
}
