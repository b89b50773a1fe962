/** ONNX weight variants transformers.js loads, and the file-name suffix of each. */
export const DTYPE_SUFFIX = Object.freeze({
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
} as const);

/** The weights of one ONNX file. */
export type FileDtype = keyof typeof DTYPE_SUFFIX;

/**
 * A model's weights: one dtype for every file, or encoder+decoder (`fp32+q4`): the mixed
 * precision transformers.js recommends for Whisper on WebGPU (a quantized encoder loses accuracy,
 * a quantized decoder hardly any and it runs once per token).
 */
export type Dtype = FileDtype | `${FileDtype}+${FileDtype}`;

export const FILE_DTYPES = Object.freeze(Object.keys(DTYPE_SUFFIX) as FileDtype[]);

/** Mixed precision offered where the device is WebGPU (fp16 needs the adapter's `shader-f16`). */
export const MIXED_DTYPES: readonly Dtype[] = Object.freeze(['fp32+q4', 'fp16+q4'] as const);

export const DTYPES: readonly Dtype[] = Object.freeze([...FILE_DTYPES, ...MIXED_DTYPES]);

export const isMixed = (dtype: Dtype): boolean => dtype.includes('+');

/** The dtype of the encoder and of the decoder. */
export function partDtypes(dtype: Dtype): readonly [FileDtype, FileDtype] {
  const [encoder, decoder = encoder] = dtype.split('+') as FileDtype[];
  return [encoder, decoder];
}

/** What transformers.js takes as `dtype`: a string, or one per ONNX file. */
export function pipelineDtype(dtype: Dtype): FileDtype | Readonly<Record<'encoder_model' | 'decoder_model_merged', FileDtype>> {
  const [encoder, decoder] = partDtypes(dtype);
  return isMixed(dtype) ? Object.freeze({ encoder_model: encoder, decoder_model_merged: decoder }) : encoder;
}

/** What a device's GPU can run: mixed precision only on a real WebGPU adapter, fp16 parts only with `shader-f16`. */
export interface GpuAbility {
  readonly webgpu: boolean;
  readonly shaderF16: boolean;
}

export function offeredOnThisDevice(dtype: Dtype, gpu: GpuAbility): boolean {
  return !isMixed(dtype) || (gpu.webgpu && (gpu.shaderF16 || !partDtypes(dtype).includes('fp16')));
}

/** A dtype a repo can be downloaded as, with its exact size. */
export interface DtypeOption {
  readonly dtype: Dtype;
  readonly totalBytes: number;
  readonly fileCount: number;
}

/** The weights offered first for a download here: q8 (small, runs everywhere), else the first this device runs. */
export function defaultDtype(options: readonly DtypeOption[], gpu: GpuAbility): DtypeOption | undefined {
  const offered = options.filter((o) => offeredOnThisDevice(o.dtype, gpu));
  return offered.find((o) => o.dtype === 'q8') ?? offered[0];
}
