import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubDouble, type HubDouble } from '../../../e2e/hub/server.ts';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { MemoryRecords, MemoryStore } from '../../testing/memory-store.ts';
import { checkForUpdate } from './check-update.ts';
import { downloadModel, type DownloadModelParams } from './download-model.ts';
import { createWasmHasher } from './wasm-hasher.ts';

const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 400, false));
const repo = syntheticRepo({
  id: 'test/updating',
  files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', 600_000), syntheticFile('onnx/decoder_model_merged_quantized.onnx', 20 * 1024 * 1024)],
});

let hub: HubDouble;
beforeAll(async () => {
  hub = await startHubDouble({ repos: [repo] });
});
afterAll(() => hub.close());

async function install(p: DownloadModelParams): Promise<void> {
  for await (const event of downloadModel(p)) void event;
}

describe('model updates', () => {
  it('sees a new commit, downloads only the changed file, switches the manifest, and drops the old commit', async () => {
    const store = new MemoryStore();
    const records = new MemoryRecords();
    const p: DownloadModelParams = {
      repo: 'test/updating', revision: 'main', dtype: 'q8', hubUrl: hub.hubUrl,
      fetch: (input, init) => fetch(input, init), store, records, createHasher: createWasmHasher,
      signal: new AbortController().signal, sleep: async () => undefined,
      now: () => performance.now(), wallNow: () => Date.now(), random: () => 0.5, estimate: async () => null,
    };
    await install(p);
    const before = await records.getManifest('test/updating');
    expect(await checkForUpdate(before!, { hubUrl: hub.hubUrl })).toBeNull();

    const text = '{"model_type": "whisper", "changed": true}';
    const sha = hub.history.publish('test/updating', 'config.json', text);
    const update = await checkForUpdate(before!, { hubUrl: hub.hubUrl });
    expect(update).toMatchObject({ fromCommit: repo.sha, toCommit: sha, changedFiles: ['config.json'], downloadBytes: text.length });

    hub.log.length = 0;
    await install(p);
    const resolved = hub.log.filter((r) => r.url.includes('/resolve/')).map((r) => r.url.split('/').at(-1));
    expect(resolved).toEqual(['config.json']);
    const after = await records.getManifest('test/updating');
    expect(after?.commit).toBe(sha);
    expect([...store.files.keys()].every((k) => k.startsWith(`test/updating/${sha}/`))).toBe(true);
    expect(await store.repoBytes('test/updating')).toBe(after!.totalBytes);
  });
});
