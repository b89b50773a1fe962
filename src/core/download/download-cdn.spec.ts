import { describe, expect, it } from 'vitest';
import { corsFilteredFetch } from '../../testing/cors-filtered-fetch.ts';
import { whisperDownload } from '../../testing/whisper-download.ts';
import { StudioError } from '../errors.ts';
import { downloadModel, type ModelEvent } from './download-model.ts';
import { DEFAULT_RETRY } from './retry-policy.ts';

const { h, repo, params, run } = whisperDownload();

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
