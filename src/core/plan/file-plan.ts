import type { RepoFile } from '../hub/list-repo-files.ts';
import { DTYPE_SUFFIX, DTYPES, partDtypes, type Dtype, type FileDtype } from './dtypes.ts';

/** The files a model download fetches: exactly those transformers.js asks for to run Whisper. */
export interface FilePlan {
  readonly repo: string;
  readonly commit: string;
  readonly dtype: Dtype;
  readonly files: readonly RepoFile[];
  readonly totalBytes: number;
}

const REQUIRED_JSON = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'];
const OPTIONAL_JSON = ['generation_config.json'];
const ONNX_PARTS = ['encoder_model', 'decoder_model_merged'];

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
  if (!REQUIRED_JSON.every((p) => byPath.has(p))) return null;
  const onnx = ONNX_PARTS.map((part, i) => onnxFiles(byPath, part, partDtypes(dtype)[i]));
  if (onnx.some((f) => f === null)) return null;
  const json = [...REQUIRED_JSON, ...OPTIONAL_JSON].flatMap((p) => byPath.get(p) ?? []);
  const files = Object.freeze([...json, ...onnx.flatMap((f) => f ?? [])]);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  return Object.freeze({ repo, commit, dtype, files, totalBytes });
}

/** Every dtype this repo can run with, each with its exact plan. */
export function availablePlans(repo: string, commit: string, listing: readonly RepoFile[]): readonly FilePlan[] {
  return DTYPES.flatMap((dtype) => planFiles(repo, commit, listing, dtype) ?? []);
}
