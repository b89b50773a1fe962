import { describe, expect, it } from 'vitest';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { downloadHarness } from '../../testing/download-harness.ts';
import type { StudioError } from '../errors.ts';
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

  it('checks the space before copying anything: an update with too little room says so and writes nothing', async () => {
    const { store, records, hub } = h;
    await h.run(h.params());
    const installed = (await records.getManifest('test/updating'))?.commit;
    const sha = hub.history.publish('test/updating', 'config.json', '{"model_type": "whisper", "v": 2}');
    const error = await h.run(h.params({ estimate: async () => ({ quota: 1_000, usage: 0 }) })).catch((e: unknown) => e);
    expect((error as StudioError).data.code).toBe('quota');
    expect([...store.files.keys()].some((k) => k.startsWith(`test/updating/${sha}/`))).toBe(false);
    expect((await records.getManifest('test/updating'))?.commit).toBe(installed); // the installed model is untouched
  });

  it('shows the unchanged files it copies as progress, so an update of a big model never sits at "Starting…"', async () => {
    await h.run(h.params());
    h.hub.history.publish('test/updating', 'config.json', '{"model_type": "whisper", "v": 3}');
    const events = await h.run(h.params());
    const copied = events.filter((e) => e.type === 'progress' && e.file.path === 'onnx/decoder_model_merged_quantized.onnx');
    expect(copied.length).toBeGreaterThan(0);
    const last = events.filter((e) => e.type === 'progress').at(-1);
    expect(last).toMatchObject({ done: last?.type === 'progress' ? last.total : -1 });
    expect(events.at(-1)?.type).toBe('done');
  });
});
