import { InferenceSession, Tensor, env } from 'onnxruntime-web/webgpu';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { StudioError } from '../../core/errors.ts';
import { SEGMENTATION } from '../../core/speakers/speaker-segmentation.ts';
import type { Segment } from '../../core/speakers/segment-loop.ts';
import { idbRecords } from '../shared/idb-records.ts';
import { installedFileResponse } from '../shared/installed-file-response.ts';

/** The installed segmentation model's ONNX file, read from our OPFS store only (never the network). */
async function modelBytes(repo: string): Promise<Uint8Array> {
  const manifest = await idbRecords.getManifest(repo);
  const path = manifest?.files.find((f) => f.path.startsWith('onnx/model'))?.path;
  const response = path ? await installedFileResponse(repo, path, { range: null }, manifest) : null;
  if (!response?.ok) {
    throw new StudioError({ code: 'not-found', repo, message: `${repo} is not installed on this device. Download it in Models, then ask for speakers again.` });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** The model as a chunk → logits function, on the CPU (it is small: a few MB). */
export async function segmentationSession(repo: string): Promise<Segment> {
  env.wasm.wasmPaths = { mjs: ortMjs, wasm: ortWasm };
  env.wasm.proxy = false;
  const session = await InferenceSession.create(await modelBytes(repo), { executionProviders: ['wasm'] });
  return async (chunk) => {
    const input = new Tensor('float32', chunk, [1, 1, chunk.length]);
    const output = (await session.run({ [SEGMENTATION.input]: input }))[SEGMENTATION.output];
    const [, frames, classes] = output.dims;
    if (classes !== SEGMENTATION.classes) throw new StudioError({ code: 'invalid-input', repo, message: `${repo} gives ${classes} classes a frame, not pyannote's ${SEGMENTATION.classes}: it is not a speaker segmentation model this app can run.` });
    return { logits: output.data as Float32Array, frames };
  };
}
