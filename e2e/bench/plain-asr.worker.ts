/// <reference lib="webworker" />
import { env, pipeline } from '@huggingface/transformers';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

/**
 * The baseline: transformers.js as its docs show it, with its own browser cache and stock
 * chunking. Three settings differ from the defaults: the hub is the local double and ONNX Runtime
 * comes from our origin instead of a CDN (this machine has no internet), and ONNX Runtime's
 * script is not re-imported from a blob: URL, which the app's CSP (the service worker gives it to
 * every worker script of this origin) refuses.
 */
interface PlainRequest {
  hubUrl: string;
  audio: Float32Array;
  runs: number;
  threads?: number;
  timestamps: true | 'word';
}

self.onmessage = ({ data }: MessageEvent<PlainRequest>) => {
  run(data).catch((error: unknown) => self.postMessage({ error: String(error) }));
};

async function run(data: PlainRequest): Promise<void> {
  env.remoteHost = `${data.hubUrl}/`;
  env.backends.onnx.wasm!.wasmPaths = { mjs: ortMjs, wasm: ortWasm };
  env.useWasmCache = false;
  if (data.threads) env.backends.onnx.wasm!.numThreads = data.threads;
  const started = performance.now();
  const asr = await pipeline('automatic-speech-recognition', 'Xenova/whisper-tiny', { dtype: 'q8' });
  const loadMs = performance.now() - started;
  const runs: { ms: number; text: string; chunks: unknown[] }[] = [];
  for (let i = 0; i < data.runs; i++) {
    const t0 = performance.now();
    const out = (await asr(data.audio, { chunk_length_s: 30, stride_length_s: 5, return_timestamps: data.timestamps, language: 'english', task: 'transcribe' })) as { text: string; chunks?: unknown[] };
    runs.push({ ms: performance.now() - t0, text: out.text, chunks: out.chunks ?? [] });
  }
  self.postMessage({ loadMs, runs, threads: env.backends.onnx.wasm!.numThreads });
}
