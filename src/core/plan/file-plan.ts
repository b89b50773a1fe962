import type { RepoFile } from '../hub/list-repo-files.ts';
import { DTYPE_SUFFIX, DTYPES, partDtypes, type Dtype, type FileDtype } from './dtypes.ts';

/** The files a model download fetches: exactly those transformers.js asks for to run Whisper (or our speaker worker, its model). */
export interface FilePlan {
  readonly repo: string;
  readonly commit: string;
  readonly dtype: Dtype;
  readonly files: readonly RepoFile[];
  readonly totalBytes: number;
}

/** What a model is for: Whisper transcribes; a speaker segmentation model (pyannote's) says who speaks when. */
export type ModelKind = 'whisper' | 'speakers';

/** The files each kind of model runs from: JSON beside it, and its ONNX parts (a dtype each). */
const LAYOUTS: Readonly<Record<ModelKind, { readonly required: readonly string[]; readonly optional: readonly string[]; readonly parts: readonly string[] }>> = Object.freeze({
  whisper: { required: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'], optional: ['generation_config.json'], parts: ['encoder_model', 'decoder_model_merged'] },
  speakers: { required: ['config.json'], optional: ['preprocessor_config.json'], parts: ['model'] },
});

/** A model's kind from its files: Whisper has an encoder; a segmentation model one `onnx/model…` file. */
export const modelKindOf = (paths: readonly string[]): ModelKind => (paths.some((p) => p.startsWith('onnx/encoder_model')) || !paths.some((p) => p.startsWith('onnx/model')) ? 'whisper' : 'speakers');

/** `onnx/encoder_model_fp16.onnx` plus its external data (`.onnx_data`, `.onnx_data_1`…) when the repo has them. */
function onnxFiles(byPath: ReadonlyMap<string, RepoFile>, part: string, dtype: FileDtype): RepoFile[] | null {
  const path = `onnx/${part}${DTYPE_SUFFIX[dtype]}.onnx`;
  const model = byPath.get(path);
  if (!model) return null;
  const data = [...byPath.values()].filter((f) => f.path === `${path}_data` || f.path.startsWith(`${path}_data_`));
  return [model, ...data.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))];
}

/**
 * The file plan for one dtype of a repo at a commit, from its live tree listing (a mixed dtype
 * takes the encoder's and the decoder's file each in its own dtype).
 * @returns null when the repo lacks a file that dtype needs.
 */
export function planFiles(repo: string, commit: string, listing: readonly RepoFile[], dtype: Dtype): FilePlan | null {
  const byPath = new Map(listing.map((f) => [f.path, f]));
  const layout = LAYOUTS[modelKindOf(listing.map((f) => f.path))];
  // One ONNX part takes one dtype: a mixed dtype is for Whisper's encoder and decoder only.
  if (!layout.required.every((p) => byPath.has(p)) || (layout.parts.length === 1 && dtype.includes('+'))) return null;
  const onnx = layout.parts.map((part, i) => onnxFiles(byPath, part, partDtypes(dtype)[i]));
  if (onnx.some((f) => f === null)) return null;
  const json = [...layout.required, ...layout.optional].flatMap((p) => byPath.get(p) ?? []);
  const files = Object.freeze([...json, ...onnx.flatMap((f) => f ?? [])]);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  return Object.freeze({ repo, commit, dtype, files, totalBytes });
}

/** Every dtype this repo can run with, each with its exact plan. */
export function availablePlans(repo: string, commit: string, listing: readonly RepoFile[]): readonly FilePlan[] {
  return DTYPES.flatMap((dtype) => planFiles(repo, commit, listing, dtype) ?? []);
}
