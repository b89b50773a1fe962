import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHubDouble, type HubDouble } from '../../../e2e/hub/server.ts';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { MemoryRecords, MemoryStore } from '../../testing/memory-store.ts';
import { StudioError } from '../errors.ts';
import { downloadModel, type DownloadModelParams, type ModelEvent } from './download-model.ts';
import { createWasmHasher } from './wasm-hasher.ts';

const ENCODER = 1_500_000;
const DECODER = 2_500_000;
const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 700, false));
const repo = syntheticRepo({
  id: 'test/whisper',
  files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', ENCODER), syntheticFile('onnx/decoder_model_merged_quantized.onnx', DECODER), syntheticFile('onnx/encoder_model.onnx', 10)],
});
const gated = syntheticRepo({ id: 'test/gated', gated: true, files: repo.files });
const TOTAL = 4 * 700 + ENCODER + DECODER;

let hub: HubDouble;
let store: MemoryStore;
let records: MemoryRecords;
beforeAll(async () => {
  hub = await startHubDouble({ repos: [repo, gated] });
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.faults.reset();
  hub.log.length = 0;
  store = new MemoryStore();
  records = new MemoryRecords();
});

function params(overrides: Partial<DownloadModelParams> = {}): DownloadModelParams {
  return {
    repo: 'test/whisper',
    revision: 'main',
    dtype: 'q8',
    hubUrl: hub.hubUrl,
    fetch: (input, init) => fetch(input, init),
    store,
    records,
    createHasher: createWasmHasher,
    signal: new AbortController().signal,
    sleep: async () => undefined,
    now: () => performance.now(),
    random: () => 0.5,
    estimate: async () => null,
    ...overrides,
  };
}

async function run(p: DownloadModelParams): Promise<ModelEvent[]> {
  const events: ModelEvent[] = [];
  for await (const event of downloadModel(p)) events.push(event);
  return events;
}

const cdnBytes = (): number =>
  hub.log.filter((r) => r.server === 'cdn' && r.method === 'GET').length;

describe('downloadModel', () => {
  it('installs exactly the planned files, verified, pinned to the commit, with a manifest written last', async () => {
    const events = await run(params());
    const last = events.at(-1);
    expect(last?.type).toBe('installed');
    if (last?.type !== 'installed') return;
    expect(last.manifest.commit).toBe(repo.sha);
    expect(last.manifest.totalBytes).toBe(TOTAL);
    expect(await store.repoBytes('test/whisper')).toBe(TOTAL);
    expect(store.files.has(`test/whisper/${repo.sha}/onnx/encoder_model.onnx`)).toBe(false);
    expect(hub.log.filter((r) => r.url.includes('/resolve/')).every((r) => r.url.includes(repo.sha))).toBe(true);
    expect(records.pending.size).toBe(0);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ loaded: TOTAL, total: TOTAL });
  });

  it('sends at most ~10 progress events a second, plus one at every file edge', async () => {
    let clock = 0;
    const events = await run(params({ now: () => (clock += 0.5) }));
    const progress = events.filter((e) => e.type === 'progress');
    const edges = 2 * 6;
    expect(progress.length).toBeLessThanOrEqual(clock / 100 + edges + 1);
    for (const path of repo.files.filter((f) => f.path !== 'onnx/encoder_model.onnx').map((f) => f.path)) {
      expect(progress.some((e) => e.type === 'progress' && e.file === path && e.fileLoaded === e.fileTotal), path).toBe(true);
    }
  });

  it('survives dropped connections at several offsets, asking only for the missing ranges', async () => {
    hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 300_000 }, Date.now());
    hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 1_700_000 }, Date.now());
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('installed');
    const ranges = hub.log.filter((r) => r.server === 'cdn' && r.url.includes('/lfs/')).map((r) => r.range);
    expect(ranges).toEqual([null, null, expect.stringMatching(/^bytes=\d+-$/), expect.stringMatching(/^bytes=\d+-$/)]);
    const resumed = hub.log.filter((r) => r.server === 'cdn' && r.range !== null);
    const decoderSha = await repo.files.find((f) => f.path === 'onnx/decoder_model_merged_quantized.onnx')!.sha256();
    expect(resumed.map((r) => r.ifRange)).toEqual([`"${decoderSha}"`, `"${decoderSha}"`]);
    const starts = ranges.slice(2).map((r) => Number(r!.slice(6, -1)));
    expect(starts[0]).toBeLessThanOrEqual(300_000);
    expect(starts[1]).toBeGreaterThan(300_000);
    expect(starts[1]).toBeLessThanOrEqual(1_700_000);
  });

  it('resumes an aborted download from the bytes in the store', async () => {
    const controller = new AbortController();
    hub.faults.add({ kind: 'throttle', bytesPerSecond: 20_000_000 }, Date.now());
    const p = params({ signal: controller.signal });
    const partial: ModelEvent[] = [];
    await expect(
      (async () => {
        for await (const e of downloadModel(p)) {
          partial.push(e);
          if (e.type === 'progress' && e.loaded > 2_000_000) controller.abort();
        }
      })(),
    ).rejects.toThrow();
    const kept = await store.repoBytes('test/whisper');
    expect(kept).toBeGreaterThan(2_000_000);
    expect(records.pending.size).toBe(1);
    hub.log.length = 0;
    hub.faults.reset();
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('installed');
    const planned = events[0];
    expect(planned.type === 'planned' && planned.onDisk).toBe(kept);
    expect(hub.log.filter((r) => r.url.includes('/api/'))).toHaveLength(0);
    expect(hub.log.filter((r) => r.server === 'cdn' && r.range !== null).length).toBeGreaterThan(0);
  });

  it('never installs corrupted bytes and deletes the bad file', async () => {
    hub.faults.add({ kind: 'corrupt', path: 'onnx/encoder_model_quantized.onnx', atByte: 1000 }, Date.now());
    const error = await run(params()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('integrity');
    expect((error as StudioError).message).toContain('onnx/encoder_model_quantized.onnx');
    expect(records.manifests.size).toBe(0);
    expect(store.files.has(`test/whisper/${repo.sha}/onnx/encoder_model_quantized.onnx`)).toBe(false);
  });

  it('waits as long as a 429 asks, then finishes', async () => {
    const waits: number[] = [];
    hub.faults.add({ kind: 'status', status: 429, retryAfter: 3, path: 'config.json' }, Date.now());
    const events = await run(params({ sleep: async (ms) => void waits.push(ms) }));
    expect(events.at(-1)?.type).toBe('installed');
    expect(waits).toEqual([3000]);
  });

  it('asks resolve again when the presigned URL expired mid-download', async () => {
    hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 500_000 }, Date.now());
    let firstUrl: string | null = null;
    const expiring: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (firstUrl === null && res.url.startsWith(hub.cdnUrl) && res.headers.get('content-length') === String(DECODER)) {
        firstUrl = res.url;
        hub.faults.add({ kind: 'expire-urls' }, Date.now());
      }
      return res;
    };
    const events = await run(params({ fetch: expiring }));
    expect(events.at(-1)?.type).toBe('installed');
    expect(firstUrl).not.toBeNull();
    expect((await fetch(firstUrl!)).status).toBe(403);
  });

  it('says a gated model needs a token, and sends the token to the hub only', async () => {
    const error = await run(params({ repo: 'test/gated' })).catch((e: unknown) => e);
    expect((error as StudioError).code).toBe('gated');
    expect((error as StudioError).message).toContain('test/gated is a gated model');
    hub.log.length = 0;
    const events = await run(params({ repo: 'test/gated', accessToken: 'hf_double_has_access' }));
    expect(events.at(-1)?.type).toBe('installed');
    expect(hub.log.filter((r) => r.server === 'cdn').every((r) => !r.authorization)).toBe(true);
    expect(cdnBytes()).toBe(2);
  });

  it('refuses before starting when the model does not fit, and stops cleanly when storage fills up', async () => {
    const small = params({ estimate: async () => ({ quota: 1_000_000, usage: 0 }) });
    await expect(run(small)).rejects.toThrow(/Not enough storage for test\/whisper/);
    expect(hub.log.filter((r) => r.url.includes('/resolve/'))).toHaveLength(0);
    store.quota = 2_000_000;
    const full = await run(params()).catch((e: unknown) => e);
    expect((full as StudioError).code).toBe('quota');
    expect(await store.repoBytes('test/whisper')).toBeGreaterThan(1_000_000);
  });

  it('refuses a dtype the repo lacks files for', async () => {
    await expect(run(params({ dtype: 'fp16' }))).rejects.toThrow(/no complete fp16 ONNX weights/);
  });
});
