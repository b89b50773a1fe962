import { describe, expect, it } from 'vitest';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { downloadHarness } from '../../testing/download-harness.ts';
import { checkForUpdate } from './check-update.ts';

const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 400, false));
const repo = syntheticRepo({
  id: 'test/updating',
  files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', 600_000), syntheticFile('onnx/decoder_model_merged_quantized.onnx', 20 * 1024 * 1024)],
});

const h = downloadHarness([repo]);

describe('model updates', () => {
  it('sees a new commit, downloads only the changed file, switches the manifest, and drops the old commit', async () => {
    const { store, records, hub } = h;
    const p = h.params();
    await h.run(p);
    const before = await records.getManifest('test/updating');
    expect(await checkForUpdate(before!, { hubUrl: hub.hubUrl })).toBeNull();

    const text = '{"model_type": "whisper", "changed": true}';
    const sha = hub.history.publish('test/updating', 'config.json', text);
    const update = await checkForUpdate(before!, { hubUrl: hub.hubUrl });
    expect(update).toMatchObject({ fromCommit: repo.sha, toCommit: sha, changedFiles: ['config.json'], downloadBytes: text.length });

    hub.log.length = 0;
    await h.run(p);
    const resolved = hub.log.filter((r) => r.url.includes('/resolve/')).map((r) => r.url.split('/').at(-1));
    expect(resolved).toEqual(['config.json']);
    const after = await records.getManifest('test/updating');
    expect(after?.commit).toBe(sha);
    expect([...store.files.keys()].every((k) => k.startsWith(`test/updating/${sha}/`))).toBe(true);
    expect(await store.repoBytes('test/updating')).toBe(after!.totalBytes);
  });
});
