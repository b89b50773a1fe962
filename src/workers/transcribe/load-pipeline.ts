import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { pipelineDtype, type Dtype } from '../../core/plan/dtypes.ts';
import { MODEL_ROUTE_PREFIX } from '../../core/store/model-route.ts';
import { chooseDevice, type DeviceChoice } from '../../core/transcribe/choose-device.ts';
import { adapterFacts, type AdapterLike } from '../../core/transcribe/software-adapter.ts';
import { threadsFor } from '../../core/transcribe/thread-count.ts';
import { idbRecords } from '../shared/idb-records.ts';
import { installedFileResponse } from '../shared/installed-file-response.ts';
import type { InstalledManifest } from '../../core/store/records.ts';
import { modelCache } from './opfs-model-cache.ts';
import { pipelineKey, pipelineKeyParts } from './pipeline-key.ts';

/** The one cache transformers.js reads model files through, each repo pinned to the commit its load began with. */
const models = modelCache(installedFileResponse);
import { singleModelCache } from './pipeline-cache.ts';
import type { Device, DevicePreference } from '../../core/transcribe/decode-options.ts';

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
  env.customCache = models;
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

/** The manifest each load key was made from: the load reads that commit's files, config to ONNX. */
const manifests = new Map<string, InstalledManifest | null>();

/** One model in memory per worker: a different model (or commit, dtype, device, threads) disposes the previous one. */
const loaded = singleModelCache(async (key) => {
  const { repo, dtype, device, threads } = pipelineKeyParts(key);
  configureRuntime(threads);
  models.pin(repo, manifests.get(key) ?? null);
  return (await pipeline('automatic-speech-recognition', repo, { dtype: pipelineDtype(dtype as Dtype), device: device as Device })) as AutomaticSpeechRecognitionPipeline;
});

/** The ASR pipeline for an installed model, loaded once per worker and again once an update installed another commit. */
export async function loadPipeline(repo: string, dtype: Dtype, device: Device, threads: number): Promise<AutomaticSpeechRecognitionPipeline> {
  const manifest = await idbRecords.getManifest(repo);
  const key = pipelineKey(repo, manifest, dtype, device, threads);
  manifests.set(key, manifest);
  return loaded.get(key);
}

/** How many models this worker holds (one, unless a dispose failed). */
export function modelsInMemory(): number {
  return loaded.inMemory;
}
