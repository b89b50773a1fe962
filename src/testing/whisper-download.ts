import { syntheticFile, syntheticRepo } from '../../e2e/hub/synthetic-repo.ts';
import { downloadHarness } from './download-harness.ts';

const MiB = 1024 * 1024;

/**
 * A whisper-shaped synthetic repo (and a gated copy) on a hub double, for the downloadModel specs
 * that follow a single stream through faults: one range a file (parallel-download.spec covers ranges).
 */
export function whisperDownload() {
  const ENCODER = 1_500_000;
  const DECODER = 2_500_000;
  const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 700, false));
  const repo = syntheticRepo({
    id: 'test/whisper',
    files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', ENCODER), syntheticFile('onnx/decoder_model_merged_quantized.onnx', DECODER), syntheticFile('onnx/encoder_model.onnx', 10)],
  });
  const gated = syntheticRepo({ id: 'test/gated', gated: true, files: repo.files });
  const h = downloadHarness([repo, gated]);
  const params: typeof h.params = (overrides) => h.params({ rangeBytes: 64 * MiB, ...overrides });
  const cdnBytes = (): number => h.hub.log.filter((r) => r.server === 'cdn' && r.method === 'GET').length;
  return { h, repo, gated, ENCODER, DECODER, TOTAL: 4 * 700 + ENCODER + DECODER, params, run: h.run, cdnBytes };
}
