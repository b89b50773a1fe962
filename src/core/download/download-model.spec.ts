import { describe, expect, it } from 'vitest';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { corsFilteredFetch } from '../../testing/cors-filtered-fetch.ts';
import { downloadHarness } from '../../testing/download-harness.ts';
import { StudioError } from '../errors.ts';
import { downloadModel, type ModelEvent } from './download-model.ts';
import { DEFAULT_RETRY } from './retry-policy.ts';

const ENCODER = 1_500_000;
const DECODER = 2_500_000;
const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 700, false));
const repo = syntheticRepo({
  id: 'test/whisper',
  files: [...json, syntheticFile('onnx/encoder_model_quantized.onnx', ENCODER), syntheticFile('onnx/decoder_model_merged_quantized.onnx', DECODER), syntheticFile('onnx/encoder_model.onnx', 10)],
});
const gated = syntheticRepo({ id: 'test/gated', gated: true, files: repo.files });
const TOTAL = 4 * 700 + ENCODER + DECODER;

const h = downloadHarness([repo, gated]);
const MiB = 1024 * 1024;
/** One range a file: these specs follow a single stream through the faults (parallel-download.spec covers ranges). */
const params: typeof h.params = (overrides) => h.params({ rangeBytes: 64 * MiB, ...overrides });
const run = h.run;

const cdnBytes = (): number =>
  h.hub.log.filter((r) => r.server === 'cdn' && r.method === 'GET').length;

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

const DECODER_PATH = 'onnx/decoder_model_merged_quantized.onnx';
/** The CDN's GETs of LFS files (encoder and decoder), in order. */
const lfsRequests = (): { range: string | null; ifRange: string | null }[] =>
  h.hub.log.filter((r) => r.server === 'cdn' && r.method === 'GET' && r.url.includes('/lfs/'));
const retries = (events: ModelEvent[]) => events.flatMap((e) => (e.type === 'progress' && e.retry ? [e.retry] : []));

describe('downloadModel against real CDNs and networks', () => {
  it('resumes through a CDN that hides Content-Range, checking the start by Content-Length', async () => {
    h.hub.faults.add({ kind: 'strict-cdn' }, Date.now());
    h.hub.faults.add({ kind: 'drop', path: DECODER_PATH, atByte: 1_200_000 }, Date.now());
    const events = await run(params({ net: { fetch: corsFilteredFetch() } }));
    expect(events.at(-1)?.type).toBe('done');
    const resumed = lfsRequests().filter((r) => r.range !== null);
    expect(resumed).toHaveLength(1);
    expect(resumed[0].range).toMatch(/^bytes=\d+-$/);
    expect(Number(resumed[0].range!.slice(6, -1))).toBeGreaterThan(0);
    expect(lfsRequests().every((r) => r.ifRange === null)).toBe(true);
  });

  it('starts a file over when a 206 can be checked neither by Content-Range nor by length', async () => {
    h.hub.faults.add({ kind: 'strict-cdn' }, Date.now());
    h.hub.faults.add({ kind: 'drop', path: DECODER_PATH, atByte: 1_200_000 }, Date.now());
    const hideLength: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(res.headers);
      if (res.status === 206) headers.delete('content-length');
      const out = new Response(res.body, { status: res.status, headers });
      Object.defineProperty(out, 'url', { value: res.url });
      return out;
    };
    const events = await run(params({ net: { fetch: corsFilteredFetch(hideLength) } }));
    expect(events.at(-1)?.type).toBe('done');
    expect(retries(events).map((r) => r.reason)).toEqual(['network', 'restart-file']);
  });

  it('restarts the file on a 200 to a ranged request, or a 206 at the wrong start', async () => {
    h.hub.faults.add({ kind: 'drop', path: DECODER_PATH, atByte: 600_000 }, Date.now());
    h.hub.faults.add({ kind: 'ignore-range', path: DECODER_PATH }, Date.now());
    h.hub.faults.add({ kind: 'drop', path: 'onnx/encoder_model_quantized.onnx', atByte: 600_000 }, Date.now());
    h.hub.faults.add({ kind: 'wrong-start', path: 'onnx/encoder_model_quantized.onnx', shift: -4096 }, Date.now());
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('done');
    expect(retries(events).map((r) => r.reason)).toContain('restart-file');
  });

  it('counts every restart as a failure: a server that sends the whole file and cuts it at the same byte cannot loop', async () => {
    for (let i = 0; i < 20; i++) h.hub.faults.add({ kind: 'drop', path: DECODER_PATH, atByte: 600_000 }, Date.now());
    h.hub.faults.add({ kind: 'ignore-range', path: DECODER_PATH, times: 20 }, Date.now());
    const error = await run(params()).catch((e: unknown) => e);
    expect(String(error)).toMatch(/kept failing/);
    const sha = await repo.files.find((f) => f.path === DECODER_PATH)!.sha256();
    const asked = h.hub.log.filter((r) => r.server === 'cdn' && r.method === 'GET' && r.url.includes(sha));
    expect(asked.length).toBeLessThanOrEqual(1 + DEFAULT_RETRY.maxAttempts); // the first, then the policy's attempts: not the fault table's twenty
    expect(h.records.manifests.size).toBe(0);
  });

  it('takes a 206 shorter than asked and asks for the rest, without starting over', async () => {
    h.hub.faults.add({ kind: 'drop', path: DECODER_PATH, atByte: 400_000 }, Date.now());
    h.hub.faults.add({ kind: 'cap-range', path: DECODER_PATH, bytes: 700_000, times: 3 }, Date.now());
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('done');
    expect(retries(events).map((r) => r.reason)).toEqual(['network']); // only the drop; the capped answers were simply continued
    // After the drop: each capped answer of 700 000 bytes is followed by a request for the rest.
    const starts = lfsRequests().map((r) => Number(r.range?.slice(6, -1) ?? 0)).filter((start) => start > 0);
    expect(starts).toHaveLength(3);
    expect([starts[1] - starts[0], starts[2] - starts[1]]).toEqual([700_000, 700_000]);
  });

  it('retries a body that ends cleanly but short', async () => {
    h.hub.faults.add({ kind: 'truncate', path: DECODER_PATH, atByte: 900_000 }, Date.now());
    const events = await run(params());
    expect(events.at(-1)?.type).toBe('done');
    expect(Number(lfsRequests().at(-1)?.range?.slice(6, -1))).toBeGreaterThan(0);
  });

  it('aborts a stalled body after the stall timeout and resumes from the bytes on disk', async () => {
    h.hub.faults.add({ kind: 'stall', path: DECODER_PATH, atByte: 1_100_000 }, Date.now());
    const events = await run(params({ stallTimeoutMs: 300 }));
    expect(events.at(-1)?.type).toBe('done');
    expect(retries(events)).toEqual([{ reason: 'stalled', delayMs: expect.any(Number) }]);
    expect(Number(lfsRequests().at(-1)?.range?.slice(6, -1))).toBeGreaterThan(0);
  });

  it('gives up on a stalled tree API call with a message that says the hub did not answer', async () => {
    h.hub.faults.add({ kind: 'stall-api', api: 'tree' }, Date.now());
    const error = await run(params({ hubTimeoutMs: 1000 })).catch((e: unknown) => e);
    expect((error as StudioError).message).toMatch(/The hub did not answer within 1 s while reading test\/whisper/);
  }, 30_000); // real seconds: the per-attempt timeout and the waits between retries, on a busy machine

  it('reads Retry-After dates against the wall clock, and stops on waits past the cap', async () => {
    const waits: number[] = [];
    h.hub.faults.add({ kind: 'status', status: 503, retryAfterDateIn: 3, path: 'config.json' }, Date.now());
    const events = await run(params({ net: { sleep: async (ms) => void waits.push(ms), now: () => 5 } }));
    expect(events.at(-1)?.type).toBe('done');
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
    expect(retries(events)[0].reason).toBe('server-asked');

    h.hub.faults.add({ kind: 'status', status: 429, retryAfter: 3600, path: DECODER_PATH }, Date.now());
    const error = await run(params({ repo: 'test/gated', net: { accessToken: 'hf_double_has_access' } })).catch((e: unknown) => e);
    expect((error as StudioError).code).toBe('rate-limited');
    expect((error as StudioError).message).toContain('asked to wait 1 h 0 min before more of test/gated can be downloaded');
    expect((error as StudioError).message).not.toContain('retries by itself');
  });
});
