import type { InferenceSession, Tensor } from 'onnxruntime-web/webgpu';
import type { RowGather } from './gpu-rows.ts';
import type { Alignment } from '../../core/transcribe/attention-trail.ts';
import type { DecoderOutput, WhisperModel } from '../../core/transcribe/whisper-model.ts';
import { attentionRows } from './attention-rows.ts';

/** ORT's Tensor class, passed in: sessions only accept tensors of the ORT build that made them. */
export type TensorClass = typeof Tensor;

/** The decoder's key/value cache, by input name (`past_key_values.N.decoder.key`, …). */
export type Cache = Readonly<Record<string, Tensor>>;

const positionRow = (logits: Tensor, batch: number, position: number): Float32Array => {
  const [, length, vocab] = logits.dims;
  const data = logits.data as Float32Array;
  return data.slice((batch * length + position) * vocab, (batch * length + position + 1) * vocab);
};

/**
 * Whether a decoder export ignores `encoder_hidden_states` on cache steps: checked once per loaded
 * session (the sessions outlive a job; a new `WhisperSessions` is made for each).
 */
const placeholderSafe = new WeakMap<InferenceSession, Promise<boolean>>();

/**
 * Whisper's two ONNX sessions (encoder, merged decoder with cache) driven directly, so decoding can
 * keep several beams, sample, and read cross-attention: the pipeline can do none of these.
 */
export class WhisperSessions implements WhisperModel<Tensor, Tensor, Cache> {
  readonly #encoder: InferenceSession;
  readonly #decoder: InferenceSession;
  readonly #Tensor: TensorClass;
  /** Zero encoder states of one frame, by batch size: what cache steps are fed (see `#hiddenFor`). */
  readonly #placeholders = new Map<number, Tensor>();
  /** Reorders rows of a cache that lives on the GPU (WebGPU); null where it never does. */
  readonly #gpuGather: RowGather | null;
  /** Cache tensors on the GPU that this object made or received: freed by `keepOnly`, or they stay allocated. */
  readonly #onGpu = new Set<Tensor>();

  constructor(encoder: InferenceSession, decoder: InferenceSession, tensorClass: TensorClass, gpuGather: RowGather | null = null) {
    this.#encoder = encoder;
    this.#decoder = decoder;
    this.#Tensor = tensorClass;
    this.#gpuGather = gpuGather;
  }

  /** Rows of a tensor's first dimension, picked (and repeated) by index: tiles a batch or reorders beams. */
  gather(tensor: Tensor, rows: readonly number[]): Tensor {
    if (tensor.location === 'gpu-buffer') return this.#track(this.#onGpuGather()(tensor, rows));
    const data = tensor.data as Float32Array;
    const size = data.length / tensor.dims[0];
    const out = new Float32Array(size * rows.length);
    rows.forEach((row, i) => out.set(data.subarray(row * size, (row + 1) * size), i * size));
    return new this.#Tensor('float32', out, [rows.length, ...tensor.dims.slice(1)]);
  }

  #onGpuGather(): RowGather {
    if (!this.#gpuGather) throw new Error('The decoder cache is on the GPU, but no GPU reordering was given');
    return this.#gpuGather;
  }

  #track(tensor: Tensor): Tensor {
    if (tensor.location === 'gpu-buffer') this.#onGpu.add(tensor);
    return tensor;
  }

  /**
   * Frees every GPU cache tensor not in `caches`. A GPU output stays allocated until disposed, and
   * each decoder call makes a new cache: without this, one window's beams would hold gigabytes.
   */
  keepOnly(caches: readonly Cache[]): void {
    const kept = new Set(caches.flatMap((c) => Object.values(c)));
    for (const tensor of this.#onGpu) {
      if (kept.has(tensor)) continue;
      this.#onGpu.delete(tensor);
      tensor.dispose();
    }
  }

  /**
   * Whether this loop can drive the model: float32 logits and cross-attention outputs (for word
   * timestamps). Others (fp16 exports, models exported without attentions) use the pipeline.
   */
  get drivable(): boolean {
    const logits = this.#decoder.outputMetadata.find((m) => m.name === 'logits');
    const float32 = logits !== undefined && (!logits.isTensor || logits.type === 'float32');
    return float32 && this.#decoder.outputNames.some((n) => n.startsWith('cross_attentions.'));
  }

  /**
   * The encoder's hidden states. Only they are fetched: exports with attention outputs would
   * otherwise hand back four 1500×1500 maps per head (over 200 MB a window, for tiny) for nothing.
   */
  async encode(features: Tensor): Promise<Tensor> {
    const out = await this.#encoder.run({ [this.#encoder.inputNames[0]]: features }, ['last_hidden_state']);
    return out.last_hidden_state;
  }

  /** A cache with no past for `batch` rows: the first call takes the no-cache branch. */
  emptyCache(batch: number): Cache {
    const cache: Record<string, Tensor> = {};
    for (const meta of this.#decoder.inputMetadata) {
      if (!meta.name.startsWith('past_key_values.') || !meta.isTensor) continue;
      const dims = meta.shape.map((d, i) => (i === 0 ? batch : typeof d === 'number' ? d : 0));
      cache[meta.name] = new this.#Tensor('float32', new Float32Array(0), dims);
    }
    return cache;
  }

  #run(ids: readonly (readonly number[])[], hidden: Tensor, cache: Cache, first: boolean, fetches?: readonly string[]): Promise<Record<string, Tensor>> {
    const flat = BigInt64Array.from(ids.flat(), (id) => BigInt(id));
    const feeds: Record<string, Tensor> = {
      input_ids: new this.#Tensor('int64', flat, [ids.length, ids[0].length]),
      encoder_hidden_states: hidden,
      use_cache_branch: new this.#Tensor('bool', [!first], [1]),
      ...cache,
    };
    return fetches ? this.#decoder.run(feeds, [...fetches]) : this.#decoder.run(feeds);
  }

  #placeholder(batch: number, width: number): Tensor {
    let zeros = this.#placeholders.get(batch);
    if (!zeros) this.#placeholders.set(batch, (zeros = new this.#Tensor('float32', new Float32Array(batch * width), [batch, 1, width])));
    return zeros;
  }

  /**
   * The encoder states a call is fed. A merged decoder's cache branch reads the encoder's keys and
   * values from the cache, never these states, yet ONNX Runtime copies every input into wasm on
   * every step (2.3 MB a row for tiny): cache steps get one zero frame instead, once a first cache
   * step showed the export gives the same logits with it.
   */
  async #hiddenFor(ids: readonly (readonly number[])[], hidden: Tensor, cache: Cache, first: boolean): Promise<Tensor> {
    const full = (): Tensor => (hidden.dims[0] === ids.length ? hidden : this.gather(hidden, ids.map(() => 0)));
    if (first) return full();
    const zeros = this.#placeholder(ids.length, hidden.dims[2]);
    let safe = placeholderSafe.get(this.#decoder);
    if (!safe) placeholderSafe.set(this.#decoder, (safe = this.#sameLogits(ids, full(), zeros, cache)));
    return (await safe) ? zeros : full();
  }

  async #sameLogits(ids: readonly (readonly number[])[], full: Tensor, zeros: Tensor, cache: Cache): Promise<boolean> {
    const fetch = ['logits'];
    const [a, b] = [await this.#run(ids, full, cache, false, fetch), await this.#run(ids, zeros, cache, false, fetch).catch(() => null)];
    if (!b) return false;
    const [x, y] = [a.logits.data as Float32Array, b.logits.data as Float32Array];
    return x.length === y.length && x.every((v, i) => Math.abs(v - y[i]) < 1e-4);
  }

  /** One decoder call: `ids` rows of equal length, fed after what the cache holds (`first`: it holds nothing). */
  async step(ids: readonly (readonly number[])[], hidden: Tensor, cache: Cache, first: boolean, alignment?: Alignment): Promise<DecoderOutput<Cache>> {
    const attentionNames = (alignment?.layers ?? []).map((l) => `cross_attentions.${l}`);
    const raw = await this.#run(ids, await this.#hiddenFor(ids, hidden, cache, first), cache, first, ['logits', ...this.#presentNames(cache, first), ...attentionNames]);
    const logits = raw.logits;
    const rows = ids.map((_, b) => positionRow(logits, b, logits.dims[1] - 1));
    const rowsAt = (position: number): Float32Array[] => ids.map((_, b) => positionRow(logits, b, position));
    const attention = attentionNames.map((n) => raw[n]);
    return { rows, rowsAt, cache: this.#nextCache(raw, cache, first), attention: (batch, count) => (alignment ? attentionRows(attention, alignment, batch, count) : []) };
  }

  /**
   * The cache for `sources` rows; the encoder parts are equal in every row, so only their count
   * matters. Rows already in order are not copied: greedy decoding never copies.
   */
  reorder(cache: Cache, sources: readonly number[], batch: number): Cache {
    if (sources.length === batch && sources.every((s, i) => s === i)) return cache;
    const resized = sources.length !== batch;
    const same = sources.map(() => 0);
    const next: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(cache)) {
      if (!name.includes('.encoder.')) next[name] = this.gather(tensor, sources);
      else next[name] = resized ? this.gather(tensor, same) : tensor;
    }
    return next;
  }

  /** One row of a cache as a batch of one: its decoder part picked, the encoder part (equal in every row) from `encoderOf`. */
  rowOf(cache: Cache, row: number, encoderOf: Cache): Cache {
    const out: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(cache)) out[name] = name.includes('.encoder.') ? encoderOf[name] : tensor.dims[0] === 1 ? tensor : this.gather(tensor, [row]);
    return out;
  }

  /** The cache outputs a call must fetch: all on the first, after it only the growing self-attention part. */
  #presentNames(cache: Cache, first: boolean): string[] {
    return Object.keys(cache).filter((name) => first || !name.includes('.encoder.')).map((name) => name.replace('past_key_values', 'present'));
  }

  /** The decoder's cache after a call; the encoder part never changes after the first call. */
  #nextCache(raw: Record<string, Tensor>, previous: Cache, first: boolean): Cache {
    const next: Record<string, Tensor> = {};
    for (const name of Object.keys(previous)) {
      const present = name.replace('past_key_values', 'present');
      next[name] = !first && name.includes('.encoder.') ? previous[name] : this.#track(raw[present]);
    }
    return next;
  }
}
