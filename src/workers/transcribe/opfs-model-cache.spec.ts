import { describe, expect, it } from 'vitest';
import type { InstalledManifest } from '../../core/store/records.ts';
import { modelCache } from './opfs-model-cache.ts';

const manifest = (commit: string): InstalledManifest => ({ repo: 'o/m', commit, dtype: 'q8', files: [], totalBytes: 0, installedAt: 0 });

describe('modelCache', () => {
  it("answers a repo's files from the manifest its load pinned, whatever the store says meanwhile; other repos from the store", async () => {
    const asked: (string | null | undefined)[] = [];
    const cache = modelCache(async (_repo, _path, _request, pinned) => (asked.push(pinned === undefined ? undefined : (pinned?.commit ?? null)), new Response('x')));
    cache.pin('o/m', manifest('c1'));
    await cache.match('/models/o/m/config.json');
    await cache.match('/models/o/m/onnx/encoder_model_quantized.onnx'); // an update switched to c2 meanwhile: still c1
    await cache.match('/models/other/vad/model.onnx');
    cache.pin('o/m', manifest('c2')); // the next load
    await cache.match('/models/o/m/config.json');
    expect(asked).toEqual(['c1', 'c1', undefined, 'c2']);
  });
});
