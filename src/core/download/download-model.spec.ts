import { describe, expect, it } from 'vitest';
import { whisperDownload } from '../../testing/whisper-download.ts';
import { StudioError } from '../errors.ts';
import { downloadModel, type ModelEvent } from './download-model.ts';

const { h, repo, DECODER, TOTAL, params, run, cdnBytes } = whisperDownload();

describe('downloadModel', () => {
  it('installs exactly the planned files, verified, pinned to the commit, with a manifest written last', async () => {
    const events = await run(params());
    const last = events.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.manifest.commit).toBe(repo.sha);
    expect(last.manifest.totalBytes).toBe(TOTAL);
    expect(await h.store.repoBytes('test/whisper')).toBe(TOTAL);
    expect(h.store.files.has(`test/whisper/${repo.sha}/onnx/encoder_model.onnx`)).toBe(false);
    expect(h.hub.log.filter((r) => r.url.includes('/resolve/')).every((r) => r.url.includes(repo.sha))).toBe(true);
    expect(h.records.pending.size).toBe(0);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: TOTAL, total: TOTAL });
  });

  it('sends at most ~10 progress events a second, plus one at every file edge', async () => {
    let clock = 0;
    const events = await run(params({ net: { now: () => (clock += 0.5) } }));
    const progress = events.filter((e) => e.type === 'progress');
    const edges = 2 * 6;
    expect(progress.length).toBeLessThanOrEqual(clock / 100 + edges + 1);
    for (const path of repo.files.filter((f) => f.path !== 'onnx/encoder_model.onnx').map((f) => f.path)) {
      expect(progress.some((e) => e.type === 'progress' && e.file.path === path && e.file.done === e.file.total), path).toBe(true);
    }
  });

  it('survives dropped connections at several offsets, asking only for the missing ranges', async () => {
    h.hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 300_000 }, Date.now());
    h.hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 1_700_000 }, Date.now());
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('done');
    const ranges = h.hub.log.filter((r) => r.server === 'cdn' && r.url.includes('/lfs/')).map((r) => r.range);
    expect(ranges).toEqual([null, null, expect.stringMatching(/^bytes=\d+-$/), expect.stringMatching(/^bytes=\d+-$/)]);
    const resumed = h.hub.log.filter((r) => r.server === 'cdn' && r.range !== null);
    // No If-Range (not CORS-safelisted): the commit-pinned URL and the sha256 keep a resume correct.
    expect(resumed.map((r) => r.ifRange)).toEqual([null, null]);
    const starts = ranges.slice(2).map((r) => Number(r!.slice(6, -1)));
    expect(starts[0]).toBeLessThanOrEqual(300_000);
    expect(starts[1]).toBeGreaterThan(300_000);
    expect(starts[1]).toBeLessThanOrEqual(1_700_000);
  });

  it('resumes an aborted download from the bytes in the store', async () => {
    const controller = new AbortController();
    h.hub.faults.add({ kind: 'throttle', bytesPerSecond: 20_000_000 }, Date.now());
    const p = params({ signal: controller.signal });
    const partial: ModelEvent[] = [];
    await expect(
      (async () => {
        for await (const e of downloadModel(p)) {
          partial.push(e);
          if (e.type === 'progress' && e.done > 2_000_000) controller.abort();
        }
      })(),
    ).rejects.toThrow();
    const kept = await h.store.repoBytes('test/whisper');
    expect(kept).toBeGreaterThan(2_000_000);
    expect(h.records.pending.size).toBe(1);
    h.hub.log.length = 0;
    h.hub.faults.reset();
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('done');
    const planned = events[0];
    expect(planned.type === 'started' && planned.done).toBe(kept);
    expect(h.hub.log.filter((r) => r.url.includes('/api/'))).toHaveLength(0);
    expect(h.hub.log.filter((r) => r.server === 'cdn' && r.range !== null).length).toBeGreaterThan(0);
  });

  it('never installs corrupted bytes and deletes the bad file', async () => {
    h.hub.faults.add({ kind: 'corrupt', path: 'onnx/encoder_model_quantized.onnx', atByte: 1000 }, Date.now());
    const error = await run(params()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('integrity');
    expect((error as StudioError).message).toContain('onnx/encoder_model_quantized.onnx');
    expect(h.records.manifests.size).toBe(0);
    expect(h.store.files.has(`test/whisper/${repo.sha}/onnx/encoder_model_quantized.onnx`)).toBe(false);
  });

  it('waits as long as a 429 asks, then finishes', async () => {
    const waits: number[] = [];
    h.hub.faults.add({ kind: 'status', status: 429, retryAfter: 3, path: 'config.json' }, Date.now());
    const events = await run(params({ net: { sleep: async (ms) => void waits.push(ms) } }));
    expect(events.at(-1)?.type).toBe('done');
    expect(waits).toEqual([3000]);
  });

  it('asks resolve again when the presigned URL expired mid-download', async () => {
    h.hub.faults.add({ kind: 'drop', path: 'onnx/decoder_model_merged_quantized.onnx', atByte: 500_000 }, Date.now());
    let firstUrl: string | null = null;
    const expiring: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (firstUrl === null && res.url.startsWith(h.hub.cdnUrl) && res.headers.get('content-length') === String(DECODER)) {
        firstUrl = res.url;
        h.hub.faults.add({ kind: 'expire-urls' }, Date.now());
      }
      return res;
    };
    const events = await run(params({ net: { fetch: expiring } }));
    expect(events.at(-1)?.type).toBe('done');
    expect(firstUrl).not.toBeNull();
    expect((await fetch(firstUrl!)).status).toBe(403);
  });

  it('says a gated model needs a token, and sends the token to the hub only', async () => {
    const error = await run(params({ repo: 'test/gated' })).catch((e: unknown) => e);
    expect((error as StudioError).code).toBe('gated');
    expect((error as StudioError).message).toContain('test/gated is a gated model');
    h.hub.log.length = 0;
    const events = await run(params({ repo: 'test/gated', net: { accessToken: 'hf_double_has_access' } }));
    expect(events.at(-1)?.type).toBe('done');
    expect(h.hub.log.filter((r) => r.server === 'cdn').every((r) => !r.authorization)).toBe(true);
    expect(cdnBytes()).toBe(2);
  });

  it('refuses before starting when the model does not fit, and stops cleanly when storage fills up', async () => {
    const small = params({ estimate: async () => ({ quota: 1_000_000, usage: 0 }) });
    await expect(run(small)).rejects.toThrow(/Not enough storage for test\/whisper/);
    expect(h.hub.log.filter((r) => r.url.includes('/resolve/'))).toHaveLength(0);
    h.store.quota = 2_000_000;
    const full = await run(params()).catch((e: unknown) => e);
    expect((full as StudioError).code).toBe('quota');
    expect(await h.store.repoBytes('test/whisper')).toBeGreaterThan(1_000_000);
  });

  it('refuses a dtype the repo lacks files for', async () => {
    await expect(run(params({ dtype: 'fp16' }))).rejects.toThrow(/no complete fp16 ONNX weights/);
  });
});
