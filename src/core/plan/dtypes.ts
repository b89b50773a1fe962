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

export type Dtype = keyof typeof DTYPE_SUFFIX;

export const DTYPES = Object.freeze(Object.keys(DTYPE_SUFFIX) as Dtype[]);
