import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { pipelineDtype, type Dtype } from '../../core/plan/dtypes.ts';
import { MODEL_ROUTE_PREFIX } from '../../core/store/model-route.ts';
import type { Device, DevicePreference } from '../../core/transcribe-protocol.ts';
import { chooseDevice, type DeviceChoice } from '../../core/transcribe/choose-device.ts';
import { adapterFacts, type AdapterLike } from '../../core/transcribe/software-adapter.ts';
import { threadsFor } from '../../core/transcribe/thread-count.ts';
import { idbRecords } from '../shared/idb-records.ts';
import { pinnedModelCache } from './opfs-model-cache.ts';
import { singleModelCache } from './pipeline-cache.ts';

/**
 * Models only from our store; ONNX Runtime only from our origin. Never the hub, never a CDN.
 * Call before any ONNX session is made (speech detection may start while the model loads):
 * the runtime takes its wasm location and threads from the first session.
 */
export function configureRuntime(threads: number): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODEL_ROUTE_PREFIX;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = true;
  env.customCache = pinnedModelCache('', null); // every model unpinned until a load pins its own
  const wasm = env.backends.onnx.wasm!;
  wasm.wasmPaths = { mjs: ortMjs, wasm: ortWasm };
  wasm.numThreads = threads;
  wasm.proxy = false;
}

/** The device for a preference: Auto uses WebGPU only on a real GPU (a software adapter is far slower than WASM). */
export async function pickDevice(preference: DevicePreference): Promise<DeviceChoice> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  const adapter = gpu && preference !== 'wasm' ? await gpu.requestAdapter().catch(() => null) : null;
  return chooseDevice(preference, adapterFacts(adapter));
}

export function threadCount(): number {
  return threadsFor(self.crossOriginIsolated, navigator.hardwareConcurrency);
}

/** One model in memory per worker: a different model (or dtype, device, threads) disposes the previous one. */
const loaded = singleModelCache(async (key) => {
  const [repo, dtype, device, threads] = key.split('|');
  configureRuntime(Number(threads));
  env.customCache = pinnedModelCache(repo, await idbRecords.getManifest(repo)); // config, tokenizer and ONNX from one commit
  return (await pipeline('automatic-speech-recognition', repo, { dtype: pipelineDtype(dtype as Dtype), device: device as Device })) as AutomaticSpeechRecognitionPipeline;
});

/** The ASR pipeline for an installed model, loaded once per worker. */
export function loadPipeline(repo: string, dtype: Dtype, device: Device, threads: number): Promise<AutomaticSpeechRecognitionPipeline> {
  return loaded.get([repo, dtype, device, threads].join('|'));
}

/** How many models this worker holds (one, unless a dispose failed). */
export function modelsInMemory(): number {
  return loaded.inMemory;
}
